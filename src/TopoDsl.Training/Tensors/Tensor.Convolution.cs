namespace TopoDsl.Training.Tensors;

/// <summary>2-D convolution and pooling over NCHW tensors, composed from Im2Col, one GEMM and reshapes (so they are twice differentiable).</summary>
public sealed partial class Tensor
{
    /// <summary>PyTorch's F.conv2d: input [N, C, H, W], weight [O, C, kh, kw], bias [O] or null.</summary>
    public Tensor Conv2d(Tensor weight, Tensor? bias, int stride = 1, int padding = 0)
    {
        if (weight.Rank != 4)
            throw new ShapeMismatchException($"Conv2d: weight must be [out_channels, in_channels, kh, kw], not {Shapes.Format(weight.Shape)}");
        var g = ConvolutionGeometry.For("Conv2d", Shape, weight.Dim(2), weight.Dim(3), stride, padding);
        if (weight.Dim(1) != g.Channels)
            throw new ShapeMismatchException($"Conv2d: input has {g.Channels} channels, weight {Shapes.Format(weight.Shape)} expects {weight.Dim(1)}");
        int outChannels = weight.Dim(0);
        if (bias is not null && (bias.Rank != 1 || bias.Dim(0) != outChannels))
            throw new ShapeMismatchException($"Conv2d: bias must be [{outChannels}], not {Shapes.Format(bias.Shape)}");
        int n = Dim(0), positions = g.OutputHeight * g.OutputWidth;

        var y = Im2Col(g).MatMulTransposed(weight.Reshape(outChannels, -1)); // [N * positions, O]
        if (bias is not null) y += bias;
        return y.Reshape(n, positions, outChannels).SwapLastTwoAxes().Reshape(n, outChannels, g.OutputHeight, g.OutputWidth);
    }

    /// <summary>
    /// PyTorch's F.max_pool2d without padding; stride defaults to the kernel size. A window holding NaN gives NaN,
    /// and its gradient goes to the window's last NaN, as in PyTorch's CPU kernel.
    /// </summary>
    public Tensor MaxPool2d(int kernel, int? stride = null) =>
        Pool("MaxPool2d", kernel, stride ?? kernel, windows => windows.Max(1, keepDim: false, lastNaNWins: true));

    /// <summary>PyTorch's F.avg_pool2d without padding; stride defaults to the kernel size.</summary>
    public Tensor AvgPool2d(int kernel, int? stride = null) => Pool("AvgPool2d", kernel, stride ?? kernel, windows => windows.Mean(1));

    private Tensor Pool(string name, int kernel, int stride, Func<Tensor, Tensor> reduceWindows)
    {
        var g = ConvolutionGeometry.For(name, Shape, kernel, kernel, stride, padding: 0);
        int n = Dim(0);
        var perChannel = g with { Channels = 1 };
        var windows = Reshape(n * g.Channels, 1, g.Height, g.Width).Im2Col(perChannel); // [N * C * positions, k * k]
        return reduceWindows(windows).Reshape(n, g.Channels, g.OutputHeight, g.OutputWidth);
    }
}
