namespace TopoDsl.Training.Tensors;

/// <summary>The sizes of a 2-D sliding window over an NCHW tensor: kernel, stride, zero padding, and the output size.</summary>
public readonly record struct ConvolutionGeometry(int Channels, int Height, int Width, int KernelHeight, int KernelWidth, int Stride, int Padding)
{
    public int OutputHeight => (Height + 2 * Padding - KernelHeight) / Stride + 1;
    public int OutputWidth => (Width + 2 * Padding - KernelWidth) / Stride + 1;
    public int PatchSize => Channels * KernelHeight * KernelWidth;

    public static ConvolutionGeometry For(string operation, ReadOnlySpan<int> input, int kernelHeight, int kernelWidth, int stride, int padding)
    {
        if (input.Length != 4)
            throw new ShapeMismatchException($"{operation} needs an input of shape [batch, channels, height, width], not {Shapes.Format(input)}");
        if (kernelHeight < 1 || kernelWidth < 1 || stride < 1 || padding < 0)
            throw new ArgumentException($"{operation}: kernel {kernelHeight}x{kernelWidth}, stride {stride}, padding {padding}: kernel and stride must be positive, padding non-negative");
        var g = new ConvolutionGeometry(input[1], input[2], input[3], kernelHeight, kernelWidth, stride, padding);
        if (g.Height + 2 * padding < kernelHeight || g.Width + 2 * padding < kernelWidth)
            throw new ShapeMismatchException($"{operation}: a {kernelHeight}x{kernelWidth} kernel does not fit a {g.Height}x{g.Width} input with padding {padding}");
        return g;
    }
}
