using TopoDsl.Training.Autodiff;
using TopoDsl.Training.Losses;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Autodiff;

public class AutodiffBehaviourTests
{
    [Fact]
    public void Broadcast_values_follow_numpy_rules()
    {
        var column = new Tensor([1f, 2f, 3f], 3, 1);
        var row = new Tensor([10f, 20f], 2);
        Assert.Equal([11f, 21f, 12f, 22f, 13f, 23f], (column + row).Data);
        Assert.Equal([3, 2], (column + row).Shape.ToArray());
    }

    [Fact]
    public void Incompatible_shapes_name_the_operation_and_the_shapes()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => Tensor.Zeros(2, 3) + Tensor.Zeros(4));
        Assert.Contains("Add", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        Assert.Contains("[4]", e.Message);
        var m = Assert.Throws<ShapeMismatchException>(() => Tensor.Zeros(2, 3).MatMul(Tensor.Zeros(4, 5)));
        Assert.Contains("(3 vs 4)", m.Message);
    }

    [Fact]
    public void Gradients_accumulate_until_cleared_as_in_pytorch()
    {
        var x = new Tensor([2f], 1) { RequiresGrad = true };
        (x * x).Sum().Backward();
        (x * x).Sum().Backward();
        Assert.Equal(8f, x.Grad!.Data[0]);
        x.ZeroGrad();
        (x * x).Sum().Backward();
        Assert.Equal(4f, x.Grad!.Data[0]);
    }

    [Fact]
    public void The_next_backward_after_ZeroGrad_reuses_the_gradient_storage_and_a_clone_survives_it()
    {
        var x = new Tensor([2f, 3f], 2) { RequiresGrad = true };
        (x * x).Sum().Backward();
        var kept = x.Grad!.Clone();
        var first = x.Grad!;
        x.ZeroGrad();
        Assert.Null(x.Grad);
        (x * x * x).Sum().Backward();
        Assert.Equal([12f, 27f], x.Grad!.Data.ToArray());
        Assert.Equal([12f, 27f], first.Data.ToArray());   // same storage, as documented on ZeroGrad
        Assert.Equal([4f, 6f], kept.Data.ToArray());
    }

    [Fact]
    public void No_graph_is_recorded_while_grad_mode_is_disabled()
    {
        var x = new Tensor([2f], 1) { RequiresGrad = true };
        Tensor y;
        using (GradMode.Disable()) y = x * x;
        Assert.False(y.RequiresGrad);
        Assert.True((x * x).RequiresGrad);
    }

    [Fact]
    public void Backward_of_a_non_scalar_or_a_constant_is_a_clear_error()
    {
        var x = Tensor.Zeros(2, 2);
        x.RequiresGrad = true;
        Assert.Contains("scalar", Assert.Throws<ShapeMismatchException>(() => (x * 2f).Backward()).Message);
        Assert.Contains("does not require grad", Assert.Throws<InvalidOperationException>(() => Tensor.Zeros(1).Sum().Backward()).Message);
    }

    [Fact]
    public void Cross_entropy_rejects_labels_outside_the_classes()
    {
        var logits = Tensor.Zeros(2, 3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Loss.CrossEntropy(logits, [0, 3]));
        Assert.Contains("label 3 at row 1", e.Message);
    }

    [Fact]
    public void Log_softmax_is_stable_for_large_logits()
    {
        var logits = new Tensor([1000f, 0f, -1000f], 1, 3);
        var y = logits.LogSoftmax();
        Assert.Equal(0f, y.Data[0]);
        Assert.Equal(-1000f, y.Data[1]);
        Assert.True(float.IsFinite(y.Data[2]));
    }
}
