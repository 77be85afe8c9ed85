using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Landscape.Tests.Paths;

/// <summary>
/// The Müller–Brown potential's critical points, found here by Newton's method on the gradient (the Hessian by
/// central differences of the analytic gradient) from the literature's rounded positions: the known answers the
/// paths are held to, independent of any path method.
/// </summary>
public static class MullerBrownPoints
{
    private static readonly MullerBrown Surface = new();

    public static (double X, double Y, double Value) MinimumA { get; } = Refine(-0.558, 1.442);
    public static (double X, double Y, double Value) MinimumB { get; } = Refine(-0.050, 0.467);
    public static (double X, double Y, double Value) MinimumC { get; } = Refine(0.623, 0.028);
    /// <summary>The saddle between A and B, the higher one.</summary>
    public static (double X, double Y, double Value) SaddleAB { get; } = Refine(-0.822, 0.624);
    /// <summary>The saddle between B and C.</summary>
    public static (double X, double Y, double Value) SaddleBC { get; } = Refine(0.212, 0.293);

    private static (double, double, double) Refine(double x, double y)
    {
        Span<double> g = stackalloc double[2], gx = stackalloc double[2], gy = stackalloc double[2];
        const double h = 1e-6;
        for (int iteration = 0; iteration < 50; iteration++)
        {
            Surface.LossAndGradient([x, y], g);
            Surface.LossAndGradient([x + h, y], gx);
            double hxx = gx[0], hxy = gx[1];
            Surface.LossAndGradient([x - h, y], gx);
            hxx = (hxx - gx[0]) / (2 * h);
            hxy = (hxy - gx[1]) / (2 * h);
            Surface.LossAndGradient([x, y + h], gy);
            double hyy = gy[1];
            Surface.LossAndGradient([x, y - h], gy);
            hyy = (hyy - gy[1]) / (2 * h);
            double det = hxx * hyy - hxy * hxy;
            double dx = (hyy * g[0] - hxy * g[1]) / det, dy = (hxx * g[1] - hxy * g[0]) / det;
            x -= dx;
            y -= dy;
        }
        return (x, y, Surface.Loss([x, y]));
    }
}
