namespace TopoDsl.Landscape.Surfaces;

/// <summary>
/// The Müller–Brown potential (Müller and Brown, 1979), the standard test of minimum-energy-path methods: three
/// minima, near (-0.558, 1.442), (0.623, 0.028) and (-0.050, 0.467), joined through two saddles, near
/// (-0.822, 0.624) and (0.212, 0.293). V(x, y) = Σ_k A_k exp(a_k (x - x_k)² + b_k (x - x_k)(y - y_k) + c_k (y - y_k)²).
/// </summary>
public sealed class MullerBrown : ILossSurface
{
    private static readonly double[] A = [-200, -100, -170, 15];
    private static readonly double[] Ax = [-1, -1, -6.5, 0.7];
    private static readonly double[] Bxy = [0, 0, 11, 0.6];
    private static readonly double[] Cy = [-10, -10, -6.5, 0.7];
    private static readonly double[] X0 = [1, 0, -0.5, -1];
    private static readonly double[] Y0 = [0, 0.5, 1.5, 1];

    /// <inheritdoc />
    public int Dimension => 2;

    /// <inheritdoc />
    public double Loss(ReadOnlySpan<double> point) => LossAndGradient(point, stackalloc double[2]);

    /// <inheritdoc />
    public double LossAndGradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        double x = point[0], y = point[1], value = 0, dx = 0, dy = 0;
        for (int k = 0; k < A.Length; k++)
        {
            double u = x - X0[k], w = y - Y0[k];
            double term = A[k] * Math.Exp(Ax[k] * u * u + Bxy[k] * u * w + Cy[k] * w * w);
            value += term;
            dx += term * (2 * Ax[k] * u + Bxy[k] * w);
            dy += term * (Bxy[k] * u + 2 * Cy[k] * w);
        }
        gradient[0] = dx;
        gradient[1] = dy;
        return value;
    }
}
