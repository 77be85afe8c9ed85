using TopoDsl.Training;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Experiments.Clouds;

/// <summary>
/// The neuron initialisations of Yang et al. (papers.md 1.4), each an H x D cloud of known topology. Neuron i of a
/// hidden layer is the row [W_in[i, :], b_i, W_out[:, i]]; the shapes below give those rows directly.
/// </summary>
public static class InitialClouds
{
    /// <summary>
    /// The figure-eight (lemniscate of Gerono, Betti numbers (1, 2)): t ~ U[0, 2π), neuron (0.1 sin t − 2, sin 2t),
    /// so the incoming weight stays near −2 and the outgoing weight spans [−1, 1]. D = 2.
    /// </summary>
    public static Tensor FigureEight(int count, ulong seed)
    {
        var rng = new Rng(seed);
        var cloud = Tensor.Zeros(count, 2);
        for (int i = 0; i < count; i++)
        {
            double t = rng.Uniform(0, 2 * Math.PI);
            cloud.Data[2 * i] = (float)(0.1 * Math.Sin(t) - 2);
            cloud.Data[2 * i + 1] = (float)Math.Sin(2 * t);
        }
        return cloud;
    }

    /// <summary>
    /// Two disjoint circles (Betti numbers (2, 2)): radius 1, centred at (0, ±1.2), H/2 evenly spaced points each
    /// (the first circle takes the odd one out), mapped as (0.1 x − 2, y). D = 2. Deterministic: no seed.
    /// </summary>
    public static Tensor TwoCircles(int count)
    {
        var cloud = Tensor.Zeros(count, 2);
        int first = (count + 1) / 2;
        for (int i = 0; i < count; i++)
        {
            bool upper = i < first;
            int onCircle = upper ? first : count - first, k = upper ? i : i - first;
            double angle = 2 * Math.PI * k / onCircle;
            double x = Math.Cos(angle), y = Math.Sin(angle) + (upper ? 1.2 : -1.2);
            cloud.Data[2 * i] = (float)(0.1 * x - 2);
            cloud.Data[2 * i + 1] = (float)y;
        }
        return cloud;
    }

    /// <summary>
    /// Uniform samples of the solid double torus (a genus-2 handlebody, Betti numbers (1, 2, 0)): rejection sampling
    /// inside {F ≤ 0}, F = softmin₅(F₁, F₂), F_c = (√((x ∓ 0.8)² + y²) − 0.5)² + z² − 0.2², rotated by the Euler angles
    /// (0.6, 0.3, 1.1) as R_z(1.1) R_y(0.3) R_x(0.6), then the first coordinate mapped to 0.1 x − 2. D = 3.
    /// </summary>
    public static Tensor SolidDoubleTorus(int count, ulong seed)
    {
        var rng = new Rng(seed);
        var cloud = Tensor.Zeros(count, 3);
        var rotation = DoubleTorusRotation;
        for (int i = 0; i < count;)
        {
            // softmin ≥ min − ln2/5, so {F ≤ 0} lies within tubes of radius √(0.04 + 0.139) < 0.43 around the core circles.
            double x = rng.Uniform(-1.8, 1.8), y = rng.Uniform(-1, 1), z = rng.Uniform(-0.5, 0.5);
            if (DoubleTorusField(x, y, z) > 0) continue;
            var p = new double[3];
            for (int r = 0; r < 3; r++) p[r] = rotation[r, 0] * x + rotation[r, 1] * y + rotation[r, 2] * z;
            cloud.Data[3 * i] = (float)(0.1 * p[0] - 2);
            cloud.Data[3 * i + 1] = (float)p[1];
            cloud.Data[3 * i + 2] = (float)p[2];
            i++;
        }
        return cloud;
    }

    /// <summary>
    /// The unit 2-sphere embedded linearly in R^D (Betti numbers (1, 0, 1)): Q is the orthonormal D x 3 factor of a
    /// Gaussian D x 3 matrix (Gram–Schmidt, the Q of its QR), u_i is uniform on S², and neuron i is Q u_i.
    /// </summary>
    public static Tensor EmbeddedSphere(int count, int dimension, ulong seed)
    {
        if (dimension < 3) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "a 2-sphere needs at least 3 dimensions");
        var rng = new Rng(seed);
        var q = new double[3][];
        for (int c = 0; c < 3; c++)
        {
            q[c] = new double[dimension];
            for (int r = 0; r < dimension; r++) q[c][r] = rng.Normal();
        }
        Orthonormalize(q);
        var cloud = Tensor.Zeros(count, dimension);
        for (int i = 0; i < count; i++)
        {
            double a = rng.Normal(), b = rng.Normal(), c = rng.Normal();
            double norm = Math.Sqrt(a * a + b * b + c * c);
            (a, b, c) = (a / norm, b / norm, c / norm);
            for (int r = 0; r < dimension; r++)
                cloud.Data[i * dimension + r] = (float)(q[0][r] * a + q[1][r] * b + q[2][r] * c);
        }
        return cloud;
    }

    /// <summary>The solid double torus's rotation, R_z(1.1) R_y(0.3) R_x(0.6).</summary>
    internal static double[,] DoubleTorusRotation { get; } = EulerRotation(0.6, 0.3, 1.1);

    internal static double DoubleTorusField(double x, double y, double z)
    {
        const double R = 0.5, r = 0.2, d = 0.8, k = 5;
        double f1 = Square(Math.Sqrt(Square(x - d) + y * y) - R) + z * z - r * r;
        double f2 = Square(Math.Sqrt(Square(x + d) + y * y) - R) + z * z - r * r;
        double low = Math.Min(f1, f2);
        // softmin_k(a, b) = −ln(e^{−k a} + e^{−k b}) / k, shifted by the smaller value so that it cannot overflow.
        return low - Math.Log(Math.Exp(-k * (f1 - low)) + Math.Exp(-k * (f2 - low))) / k;
    }

    private static double Square(double v) => v * v;

    private static double[,] EulerRotation(double aroundX, double aroundY, double aroundZ)
    {
        double cx = Math.Cos(aroundX), sx = Math.Sin(aroundX), cy = Math.Cos(aroundY), sy = Math.Sin(aroundY);
        double cz = Math.Cos(aroundZ), sz = Math.Sin(aroundZ);
        double[,] rx = { { 1, 0, 0 }, { 0, cx, -sx }, { 0, sx, cx } };
        double[,] ry = { { cy, 0, sy }, { 0, 1, 0 }, { -sy, 0, cy } };
        double[,] rz = { { cz, -sz, 0 }, { sz, cz, 0 }, { 0, 0, 1 } };
        return Multiply(rz, Multiply(ry, rx));
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var product = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) product[i, j] += a[i, k] * b[k, j];
        return product;
    }

    private static void Orthonormalize(double[][] columns)
    {
        for (int c = 0; c < columns.Length; c++)
        {
            for (int twice = 0; twice < 2; twice++)
                for (int earlier = 0; earlier < c; earlier++)
                {
                    double dot = 0;
                    for (int r = 0; r < columns[c].Length; r++) dot += columns[c][r] * columns[earlier][r];
                    for (int r = 0; r < columns[c].Length; r++) columns[c][r] -= dot * columns[earlier][r];
                }
            double norm = Math.Sqrt(columns[c].Sum(v => v * v));
            for (int r = 0; r < columns[c].Length; r++) columns[c][r] /= norm;
        }
    }
}
