namespace TopoDsl.Training.Tensors;

/// <summary>
/// Patches of a sliding window as matrix rows (im2col), and its adjoint (col2im, which adds overlapping
/// patches back). Convolution and pooling are built on them, so one GEMM does a whole batch's convolution.
/// </summary>
public sealed partial class Tensor
{
    /// <summary>[N, C, H, W] to [N * OH * OW, C * kh * kw]: row (n, oy, ox) holds the window at that output position (zeros in the padding).</summary>
    public Tensor Im2Col(ConvolutionGeometry geometry)
    {
        int n = Dim(0);
        var g = geometry;
        int rows = n * g.OutputHeight * g.OutputWidth;
        var cols = Uninitialized((long)rows * g.PatchSize <= Array.MaxLength ? rows * g.PatchSize : throw new ShapeMismatchException("Im2Col: the patch matrix exceeds the largest array"));
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = LinearAlgebra.Gemm.Threads }, sample =>
        {
            for (int oy = 0; oy < g.OutputHeight; oy++)
                for (int ox = 0; ox < g.OutputWidth; ox++)
                {
                    int row = (sample * g.OutputHeight + oy) * g.OutputWidth + ox;
                    int at = row * g.PatchSize;
                    for (int c = 0; c < g.Channels; c++)
                        for (int ky = 0; ky < g.KernelHeight; ky++)
                        {
                            int y = oy * g.Stride + ky - g.Padding;
                            for (int kx = 0; kx < g.KernelWidth; kx++, at++)
                            {
                                int x = ox * g.Stride + kx - g.Padding;
                                cols[at] = (uint)y < (uint)g.Height && (uint)x < (uint)g.Width
                                    ? Data[((sample * g.Channels + c) * g.Height + y) * g.Width + x]
                                    : 0f;
                            }
                        }
                }
        });
        int[] inputShape = _shape;
        return new Tensor(cols, rows, g.PatchSize).Record("Im2Col", [this], grad => SendGrad(this, grad.Col2Im(g, inputShape)));
    }

    /// <summary>The adjoint of <see cref="Im2Col"/>: adds each row's window back into an [N, C, H, W] tensor.</summary>
    public Tensor Col2Im(ConvolutionGeometry geometry, int[] imageShape)
    {
        var g = geometry;
        int n = imageShape[0];
        var image = ZeroedStorage(Shapes.Count(imageShape));
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = LinearAlgebra.Gemm.Threads }, sample =>
        {
            for (int oy = 0; oy < g.OutputHeight; oy++)
                for (int ox = 0; ox < g.OutputWidth; ox++)
                {
                    int at = ((sample * g.OutputHeight + oy) * g.OutputWidth + ox) * g.PatchSize;
                    for (int c = 0; c < g.Channels; c++)
                        for (int ky = 0; ky < g.KernelHeight; ky++)
                        {
                            int y = oy * g.Stride + ky - g.Padding;
                            for (int kx = 0; kx < g.KernelWidth; kx++, at++)
                            {
                                int x = ox * g.Stride + kx - g.Padding;
                                if ((uint)y < (uint)g.Height && (uint)x < (uint)g.Width)
                                    image[((sample * g.Channels + c) * g.Height + y) * g.Width + x] += Data[at];
                            }
                        }
                }
        });
        return new Tensor(image, imageShape).Record("Col2Im", [this], grad => SendGrad(this, grad.Im2Col(g)));
    }

    /// <summary>[A, B, C] to [A, C, B] (swaps the last two axes; its own adjoint).</summary>
    public Tensor SwapLastTwoAxes()
    {
        if (Rank != 3) throw new ShapeMismatchException($"SwapLastTwoAxes needs a 3-D tensor, not {Shapes.Format(Shape)}");
        int a = Dim(0), b = Dim(1), c = Dim(2);
        var result = Uninitialized(Count);
        for (int i = 0; i < a; i++)
            for (int j = 0; j < b; j++)
                for (int k = 0; k < c; k++)
                    result[(i * c + k) * b + j] = Data[(i * b + j) * c + k];
        return new Tensor(result, a, c, b).Record("SwapLastTwoAxes", [this], grad => SendGrad(this, grad.SwapLastTwoAxes()));
    }
}
