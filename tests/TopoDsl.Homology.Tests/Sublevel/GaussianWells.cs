namespace TopoDsl.Homology.Tests.Sublevel;

/// <summary>
/// A landscape with known minima and one known pass: f(p) = -Σ a_k exp(-|p - c_k|² / 2σ²) for two wells.
/// Across the line through the centres f is a positive sum times -exp(-d²/2σ²) of the distance d to the line, so
/// every critical point lies on that line and the known values come from one dimension: the minima and the pass
/// are the extremes of f along it, found by golden-section search.
/// </summary>
public sealed class GaussianWells
{
    private readonly (double X, double Y, double Depth)[] _wells;
    private readonly double _width;

    private GaussianWells((double X, double Y, double Depth)[] wells, double width)
    {
        _wells = wells;
        _width = width;
        double Along(double t) => Value(AtT(t).X, AtT(t).Y);
        double deep = Golden(t => Along(t), -0.5, 0.5), pass = Golden(t => -Along(t), 0, 1), shallow = Golden(t => Along(t), 0.5, 1.5);
        (DeepMinimum, Pass, ShallowMinimum) = (Along(deep), Along(pass), Along(shallow));
        (PassAt, ShallowAt) = (AtT(pass), AtT(shallow));
    }

    /// <summary>A deep well (depth 1) at (-0.6, -0.3) and a shallow one (depth 0.7) at (0.7, 0.35), width 0.5.</summary>
    public static GaussianWells Two { get; } = new([(-0.6, -0.3, 1.0), (0.7, 0.35, 0.7)], 0.5);

    public double DeepMinimum { get; }
    public double ShallowMinimum { get; }
    public double Pass { get; }
    public (double X, double Y) PassAt { get; }
    public (double X, double Y) ShallowAt { get; }

    public double Value(double x, double y)
    {
        double sum = 0;
        foreach (var (cx, cy, depth) in _wells)
            sum -= depth * Math.Exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * _width * _width));
        return sum;
    }

    // t = 0 at the deep well's centre, t = 1 at the shallow one's.
    private (double X, double Y) AtT(double t) =>
        (_wells[0].X + t * (_wells[1].X - _wells[0].X), _wells[0].Y + t * (_wells[1].Y - _wells[0].Y));

    private static double Golden(Func<double, double> f, double low, double high)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double a = high - ratio * (high - low), b = low + ratio * (high - low);
            if (f(a) < f(b)) high = b; else low = a;
        }
        return (low + high) / 2;
    }
}
