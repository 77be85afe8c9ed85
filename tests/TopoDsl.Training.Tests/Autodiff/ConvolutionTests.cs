using TopoDsl.Training.Tensors;
using static TopoDsl.Training.Tests.Autodiff.GradCheck;

namespace TopoDsl.Training.Tests.Autodiff;

public class ConvolutionTests
{
    /// <summary>out[n, o, y, x] = b[o] + Σ_c,ky,kx w[o, c, ky, kx] in[n, c, y*s + ky - p, x*s + kx - p], straight from the definition.</summary>
    private static double Direct(Tensor input, Tensor weight, Tensor? bias, int stride, int padding, int n, int o, int y, int x)
    {
        double sum = bias?.Data[o] ?? 0;
        for (int c = 0; c < weight.Dim(1); c++)
            for (int ky = 0; ky < weight.Dim(2); ky++)
                for (int kx = 0; kx < weight.Dim(3); kx++)
                {
                    int iy = y * stride + ky - padding, ix = x * stride + kx - padding;
                    if (iy < 0 || ix < 0 || iy >= input.Dim(2) || ix >= input.Dim(3)) continue;
                    sum += weight[o, c, ky, kx] * input[n, c, iy, ix];
                }
        return sum;
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    public void Conv2d_matches_the_definition(int stride, int padding)
    {
        var input = Random(1, 2, 3, 7, 6);
        var weight = Random(2, 4, 3, 3, 2);
        var bias = Random(3, 4);
        var output = input.Conv2d(weight, bias, stride, padding);
        int oh = (7 + 2 * padding - 3) / stride + 1, ow = (6 + 2 * padding - 2) / stride + 1;
        Assert.Equal([2, 4, oh, ow], output.Shape.ToArray());
        for (int n = 0; n < 2; n++)
            for (int o = 0; o < 4; o++)
                for (int y = 0; y < oh; y++)
                    for (int x = 0; x < ow; x++)
                        Assert.Equal(Direct(input, weight, bias, stride, padding, n, o, y, x), output[n, o, y, x], 1e-4);
    }

    [Fact]
    public void Pooling_takes_the_max_or_mean_of_each_window()
    {
        var input = new Tensor(Enumerable.Range(0, 16).Select(i => (float)((i * 7) % 16)).ToArray(), 1, 1, 4, 4);
        var max = input.MaxPool2d(2);
        var mean = input.AvgPool2d(2);
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 2; x++)
            {
                var window = new[] { input[0, 0, 2 * y, 2 * x], input[0, 0, 2 * y, 2 * x + 1], input[0, 0, 2 * y + 1, 2 * x], input[0, 0, 2 * y + 1, 2 * x + 1] };
                Assert.Equal(window.Max(), max[0, 0, y, x]);
                Assert.Equal(window.Average(), mean[0, 0, y, x], 1e-5);
            }
    }

    [Fact]
    public void Convolution_and_pooling_gradients_match_finite_differences()
    {
        Check(t => Project(t[0].Conv2d(t[1], t[2], stride: 2, padding: 1)), Random(4, 2, 2, 5, 5), Random(5, 3, 2, 3, 3), Random(6, 3));
        Check(t => Project(t[0].MaxPool2d(2)), Random(7, 2, 2, 4, 6));
        Check(t => Project(t[0].AvgPool2d(3, 1)), Random(8, 1, 2, 5, 4));
    }

    [Fact]
    public void Mismatched_channels_and_oversized_kernels_are_named()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => Tensor.Zeros(1, 3, 5, 5).Conv2d(Tensor.Zeros(2, 4, 3, 3), null));
        Assert.Contains("input has 3 channels", e.Message);
        var k = Assert.Throws<ShapeMismatchException>(() => Tensor.Zeros(1, 1, 2, 2).MaxPool2d(3));
        Assert.Contains("3x3 kernel does not fit a 2x2 input", k.Message);
    }

    private static Tensor Project(Tensor output)
    {
        var weights = Random(99, output.Shape.ToArray());
        weights.RequiresGrad = false;
        return (output * weights).Sum();
    }
}
