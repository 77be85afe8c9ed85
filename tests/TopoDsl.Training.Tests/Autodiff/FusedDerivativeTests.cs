using TopoDsl.Training.Autodiff;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Autodiff;

/// <summary>
/// A first-order backward pass takes the activations' one-pass vector kernels; a backward pass that builds a
/// graph (for Hessian-vector products) takes their tensor-expression derivatives. The two must agree, on lengths
/// that exercise both the vector body and the scalar tail.
/// </summary>
public sealed class FusedDerivativeTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var activation in new[] { "sigmoid", "tanh", "relu" })
            foreach (int length in new[] { 1, 7, 8, 37, 1024 + 5 })
                data.Add(activation, length);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_fused_kernel_matches_the_graph_derivative(string activation, int length)
    {
        var x = GradCheck.Random(11, length);
        x.RequiresGrad = true;
        var weights = GradCheck.Random(12, length);
        Tensor Loss() => (Apply(activation, x) * weights).Sum();

        Loss().Backward();
        var fused = x.Grad!.Data.ToArray();
        var graph = Autograd.Gradients(Loss(), [x], createGraph: true)[0].Data.ToArray();

        for (int i = 0; i < length; i++)
            Assert.True(Math.Abs(fused[i] - graph[i]) <= 1e-6f * Math.Max(1f, Math.Abs(graph[i])),
                $"{activation}, element {i} of {length}: fused {fused[i]} vs graph {graph[i]}");
        if (length > 8) Assert.Contains(fused, v => v != 0);   // a check that compares zeros with zeros proves nothing
    }

    [Fact]
    public void Relu_passes_no_gradient_at_zero_or_below()
    {
        var x = new Tensor([-2f, 0f, 3f, -0f, 1e-30f, 5f, -1f, 0f, 2f], 9) { RequiresGrad = true };
        x.Relu().Sum().Backward();
        Assert.Equal([0f, 0f, 1f, 0f, 1f, 1f, 0f, 0f, 1f], x.Grad!.Data.ToArray());
    }

    private static Tensor Apply(string activation, Tensor x) => activation switch
    {
        "sigmoid" => x.Sigmoid(),
        "tanh" => x.Tanh(),
        _ => x.Relu(),
    };
}
