using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Autodiff;

/// <summary>The logistic kernel against the function computed in double, on its fast range, at its edges, and beyond.</summary>
public class SigmoidKernelTests
{
    private static readonly float[] Edges =
    [
        0f, -0f, 1e-30f, -1e-30f, float.Epsilon, 0.5f, -0.5f, 86.99f, -86.99f, 87f, -87f, 87.01f, -87.01f,
        88.7f, -88.7f, 100f, -100f, 104f, -104f, float.MaxValue, float.MinValue,
    ];

    [Property(MaxTest = 500)]
    public void Every_value_is_within_four_ten_millionths_of_the_exact_one(NormalFloat[] raw)
    {
        // Mostly the fast range, some beyond it; eight or more values so that whole vectors are taken.
        var x = raw.Select(f => (float)Math.IEEERemainder(f.Get, 200)).Concat(Edges).ToArray();
        var y = new float[x.Length];

        SigmoidKernel.Apply(x, y);

        for (int i = 0; i < x.Length; i++)
        {
            double exact = 1 / (1 + Math.Exp(-(double)x[i]));
            Assert.True(Math.Abs(y[i] - exact) <= 4e-7 * exact + 1e-38, $"sigmoid({x[i]:R}) = {y[i]:R}, exactly {exact:R}");
        }
    }

    [Fact]
    public void Infinities_and_NaN_keep_their_meaning()
    {
        float[] x = [float.PositiveInfinity, float.NegativeInfinity, float.NaN, 0, 1, 2, 3, 4, 5];
        var y = new float[x.Length];

        SigmoidKernel.Apply(x, y);

        Assert.Equal(1f, y[0]);
        Assert.Equal(0f, y[1]);
        Assert.True(float.IsNaN(y[2]));
        Assert.Equal(0.5f, y[3]);
    }
}
