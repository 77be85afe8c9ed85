using TopoDsl.Training.Losses;
using TopoDsl.Training.Tensors;
using static TopoDsl.Training.Tests.Autodiff.GradCheck;

namespace TopoDsl.Training.Tests.Autodiff;

/// <summary>Every differentiable operation against central finite differences, through a random projection to a scalar.</summary>
public class OpGradientTests
{
    /// <summary>Reduces an output to a scalar with fixed random weights, so every output element's gradient is tested.</summary>
    private static Tensor Project(Tensor output, ulong seed = 99)
    {
        var weights = Random(seed, output.Shape.ToArray());
        weights.RequiresGrad = false;
        return (output * weights).Sum();
    }

    public static TheoryData<int[], int[]> BroadcastShapes => new()
    {
        { [3, 4], [3, 4] },
        { [3, 4], [4] },
        { [4], [3, 4] },
        { [3, 4], [] },
        { [], [3, 4] },
        { [3, 1], [1, 4] },
        { [2, 3, 4], [3, 1] },
    };

    [Theory]
    [MemberData(nameof(BroadcastShapes))]
    public void Add_subtract_multiply_divide_with_broadcasting(int[] a, int[] b)
    {
        Check(t => Project(t[0] + t[1]), Random(1, a), Random(2, b));
        Check(t => Project(t[0] - t[1]), Random(3, a), Random(4, b));
        Check(t => Project(t[0] * t[1]), Random(5, a), Random(6, b));
        Check(t => Project(t[0] / t[1]), Random(7, a), RandomAwayFromZero(8, 0.5, b));
    }

    [Fact]
    public void Negate_and_scalar_operators()
    {
        Check(t => Project(-t[0] * 3f + 1f), Random(9, 2, 3));
        Check(t => Project(1f - 2f / t[0]), RandomAwayFromZero(10, 0.5, 2, 3));
    }

    [Fact]
    public void Matrix_products_and_transpose()
    {
        Check(t => Project(t[0].MatMul(t[1])), Random(11, 3, 5), Random(12, 5, 4));
        Check(t => Project(t[0].MatMulTransposed(t[1])), Random(13, 3, 5), Random(14, 4, 5));
        Check(t => Project(t[0].Transpose()), Random(15, 3, 5));
    }

    [Fact]
    public void Activations()
    {
        Check(t => Project(t[0].Sigmoid()), Random(16, 4, 3));
        Check(t => Project(t[0].Tanh()), Random(17, 4, 3));
        Check(t => Project(t[0].Relu()), RandomAwayFromZero(18, 0.01, 4, 3));
        Check(t => Project(t[0].Softplus()), Random(19, 4, 3));
        Check(t => Project(t[0].Gelu()), Random(20, 4, 3));
    }

    [Fact]
    public void Reductions_and_reshapes()
    {
        Check(t => t[0].Sum(), Random(21, 2, 3));
        Check(t => t[0].Mean(), Random(22, 2, 3));
        Check(t => Project(t[0].Sum(0)), Random(23, 2, 3, 4));
        Check(t => Project(t[0].Sum(1, keepDim: true)), Random(24, 2, 3, 4));
        Check(t => Project(t[0].Mean(-1)), Random(25, 2, 3, 4));
        Check(t => Project(t[0].Reshape(6, -1)), Random(26, 2, 3, 4));
        Check(t => Project(t[0].Flatten()), Random(27, 2, 3, 4));
    }

    [Fact]
    public void Log_softmax_and_losses()
    {
        Check(t => Project(t[0].LogSoftmax()), Random(28, 3, 5));
        var target = Random(29, 3, 2);
        target.RequiresGrad = false;
        Check(t => Loss.MeanSquaredError(t[0], target), Random(30, 3, 2));
        Check(t => Loss.CrossEntropy(t[0], [4, 0, 2]), Random(31, 3, 5));
    }

    [Fact]
    public void A_tensor_used_twice_gets_both_contributions()
    {
        Check(t => Project(t[0] * t[0] + t[0].Sigmoid()), Random(32, 3, 2));
    }
}
