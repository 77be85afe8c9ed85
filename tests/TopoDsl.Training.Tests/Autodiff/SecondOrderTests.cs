using TopoDsl.Training.Autodiff;
using TopoDsl.Training.Losses;
using TopoDsl.Training.Tensors;
using static TopoDsl.Training.Tests.Autodiff.GradCheck;

namespace TopoDsl.Training.Tests.Autodiff;

/// <summary>
/// Gradients built with createGraph are differentiable: their Hessian-vector products match central
/// differences of first-order gradients, for every operation.
/// </summary>
public class SecondOrderTests
{
    private static Tensor Project(Tensor output)
    {
        var weights = Random(77, output.Shape.ToArray());
        weights.RequiresGrad = false;
        return (output * weights).Sum();
    }

    /// <summary>Hv by double backward against (∇f(x + εv) − ∇f(x − εv)) / 2ε.</summary>
    private static void CheckHessianVectorProduct(Func<Tensor, Tensor> f, Tensor x, double tolerance = 3e-3)
    {
        var v = Random(55, x.Shape.ToArray());
        v.RequiresGrad = false;
        var gradient = Autograd.Gradients(f(x), [x], createGraph: true)[0];
        var hv = Autograd.Gradients((gradient * v).Sum(), [x])[0];

        const float eps = 1e-3f;
        float[] GradientAt(float sign)
        {
            var shifted = new Tensor(x.Data.Zip(v.Data, (a, b) => a + sign * eps * b).ToArray(), x.Shape.ToArray()) { RequiresGrad = true };
            return Autograd.Gradients(f(shifted), [shifted])[0].Data;
        }
        var plus = GradientAt(1);
        var minus = GradientAt(-1);
        for (int i = 0; i < x.Count; i++)
        {
            double numeric = (plus[i] - minus[i]) / (2.0 * eps);
            Assert.True(Math.Abs(hv.Data[i] - numeric) <= tolerance * Math.Max(1, Math.Abs(numeric)),
                $"element {i}: Hv {hv.Data[i]} vs numeric {numeric}");
        }
    }

    [Fact]
    public void Cubic_has_hessian_six_x() =>
        CheckHessianVectorProduct(x => (x * x * x).Sum(), Random(1, 3, 2));

    [Fact]
    public void Activations_have_correct_second_derivatives()
    {
        CheckHessianVectorProduct(x => Project(x.Sigmoid()), Random(2, 3, 4));
        CheckHessianVectorProduct(x => Project(x.Tanh()), Random(3, 3, 4));
        CheckHessianVectorProduct(x => Project(x.Softplus()), Random(4, 3, 4));
        CheckHessianVectorProduct(x => Project(x.Gelu()), Random(5, 3, 4));
        CheckHessianVectorProduct(x => Project(x.Exp()), Random(6, 3, 4));
        CheckHessianVectorProduct(x => Project(x.Relu() * x), RandomAwayFromZero(7, 0.05, 3, 4));
    }

    [Fact]
    public void Arithmetic_products_and_reductions_have_correct_second_derivatives()
    {
        var w = Random(8, 4, 3);
        w.RequiresGrad = false;
        CheckHessianVectorProduct(x => Project(x.MatMul(w).Tanh()), Random(9, 2, 4));
        CheckHessianVectorProduct(x => Project(w.MatMul(x.Transpose()).Sigmoid()), Random(10, 2, 3));
        CheckHessianVectorProduct(x => Project(x.MatMulTransposed(x)), Random(11, 3, 2));
        CheckHessianVectorProduct(x => Project(1f / (x * x + 1f)), Random(12, 3, 2));
        CheckHessianVectorProduct(x => Project((x - x.Mean(1, keepDim: true)) * x.Sum(0)), Random(13, 3, 2));
        CheckHessianVectorProduct(x => Project(x.Reshape(2, 3).Sigmoid()), Random(14, 3, 2));
    }

    [Fact]
    public void Losses_have_correct_second_derivatives()
    {
        var target = Random(15, 4, 2);
        target.RequiresGrad = false;
        CheckHessianVectorProduct(x => Loss.MeanSquaredError(x.Tanh(), target), Random(16, 4, 2));
        CheckHessianVectorProduct(x => Loss.CrossEntropy(x, [1, 0, 2, 2]), Random(17, 4, 3));
        CheckHessianVectorProduct(x => Project(x.LogSoftmax()), Random(18, 2, 5));
    }

    [Fact]
    public void Gradients_leave_grad_untouched_and_give_zeros_for_unused_inputs()
    {
        var x = Random(19, 2, 2);
        var unused = Random(20, 3);
        var grads = Autograd.Gradients((x * x).Sum(), [x, unused]);
        Assert.Null(x.Grad);
        Assert.Equal(x.Data.Select(v => 2 * v), grads[0].Data);
        Assert.All(grads[1].Data, g => Assert.Equal(0f, g));
    }
}
