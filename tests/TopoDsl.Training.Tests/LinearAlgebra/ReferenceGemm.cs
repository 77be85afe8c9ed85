namespace TopoDsl.Training.Tests.LinearAlgebra;

/// <summary>
/// The textbook triple loop in double precision, plus the size of the error a correct float GEMM may make.
/// </summary>
internal static class ReferenceGemm
{
    private const double FloatUnitRoundoff = 1.0 / (1 << 24);

    /// <summary>Exact-enough C = alpha op(A) op(B) + beta C (beta == 0 ignores C), and per element the magnitude
    /// |alpha| sum |a||b| + |beta c| that bounds rounding errors.</summary>
    public static (double[] Values, double[] Magnitudes) Multiply(GemmCase g, float[] a, float[] b, float[] c)
    {
        var values = new double[c.Length];
        var magnitudes = new double[c.Length];
        for (int i = 0; i < g.M; i++)
        {
            for (int j = 0; j < g.N; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < g.K; p++)
                {
                    double product = (double)a[g.AIndex(i, p)] * b[g.BIndex(p, j)];
                    sum += product;
                    magnitude += Math.Abs(product);
                }
                int at = i * g.Ldc + j;
                double old = g.Beta == 0 ? 0 : (double)g.Beta * c[at];
                values[at] = g.Alpha * sum + old;
                magnitudes[at] = Math.Abs(g.Alpha) * magnitude + Math.Abs(old);
            }
        }
        return (values, magnitudes);
    }

    /// <summary>
    /// Any float evaluation order of a length-k dot product errs by at most gamma_k = k u / (1 - k u) times the sum
    /// of absolute products (Higham, Accuracy and Stability, 3.1); scaling by alpha and adding beta C add a few more
    /// roundings. The factor 2 keeps clear of that bound, and the absolute floor covers results that cancel to
    /// tiny or zero values.
    /// </summary>
    public static double Tolerance(int k, double magnitude) => 2 * (k + 4) * FloatUnitRoundoff * magnitude + 1e-30;
}
