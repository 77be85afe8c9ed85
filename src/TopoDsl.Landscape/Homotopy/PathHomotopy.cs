using TopoDsl.Landscape.Geometry;
using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Landscape.Homotopy;

/// <summary>
/// Tamim's homotopy of training paths, made testable (papers.md 2.3): every two paths in parameter space with the
/// same ends are homotopic, so the question is whether they are homotopic inside a sublevel set of the loss. Both
/// paths are resampled to S points by arc length and joined by the straight-line homotopy
/// H(s, t) = (1 - t) γ₀(s) + t γ₁(s) on an S x T grid; where the ends differ, the grid's first and last columns are
/// the straight segments between them. The paths are homotopic at tolerance τ when no grid point's loss exceeds the
/// higher of the two paths' highest losses plus τ.
/// </summary>
public static class PathHomotopy
{
    /// <summary>Evaluates the homotopy grid between two paths (each a list of points of the surface, in order).</summary>
    /// <exception cref="ArgumentException">A path with no points, points of the wrong length or non-finite, or bad options (named).</exception>
    public static HomotopyResult Compare(ILossSurface surface, IReadOnlyList<double[]> first, IReadOnlyList<double[]> second,
        HomotopyOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(surface);
        options ??= new HomotopyOptions();
        options.Validate();
        return Compare(surface, Prepare(surface, first, options, nameof(first)), Prepare(surface, second, options, nameof(second)), options, cancellation);
    }

    /// <summary>
    /// Resamples a path to <see cref="HomotopyOptions.PathSamples"/> points and measures its losses once, for
    /// <see cref="Compare(ILossSurface, PreparedPath, PreparedPath, HomotopyOptions?, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A path with no points, points of the wrong length or non-finite, or bad options (named).</exception>
    public static PreparedPath Prepare(ILossSurface surface, IReadOnlyList<double[]> path, HomotopyOptions? options = null, string name = "training")
    {
        ArgumentNullException.ThrowIfNull(surface);
        options ??= new HomotopyOptions();
        options.Validate();
        var samples = Resample(Checked(surface, path, name), options.PathSamples);
        double highest = path.Max(p => surface.Loss(p));
        var losses = new double[samples.Length];
        for (int s = 0; s < samples.Length; s++)
        {
            double loss = surface.Loss(samples[s]);
            losses[s] = double.IsNaN(loss) ? double.PositiveInfinity : loss;
            highest = Math.Max(highest, losses[s]);
        }
        return new PreparedPath(samples, losses, highest);
    }

    /// <summary>
    /// The homotopy grid between two prepared paths; the same numbers as comparing the paths themselves. The paths'
    /// own columns of the grid are their samples, whose losses the preparation measured.
    /// </summary>
    /// <exception cref="ArgumentException">Paths prepared with another number of samples than <paramref name="options"/> gives.</exception>
    public static HomotopyResult Compare(ILossSurface surface, PreparedPath first, PreparedPath second, HomotopyOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        options ??= new HomotopyOptions();
        options.Validate();
        foreach (var (path, name) in new[] { (first, nameof(first)), (second, nameof(second)) })
            if (path.SampleCount != options.PathSamples)
                throw new ArgumentException($"the {name} path was prepared with {path.SampleCount} samples; the options ask for {options.PathSamples}", name);
        double highest = double.NegativeInfinity, atS = 0, atT = 0;
        var point = new double[surface.Dimension];
        for (int s = 0; s < options.PathSamples; s++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (int step = 0; step < options.BlendSteps; step++)
            {
                double t = (double)step / (options.BlendSteps - 1), loss;
                if (step == 0) loss = first.SampleLosses[s];
                else if (step == options.BlendSteps - 1) loss = second.SampleLosses[s];
                else
                {
                    Polyline.Interpolate(first.Samples[s], second.Samples[s], t, point);
                    loss = surface.Loss(point);
                    if (double.IsNaN(loss)) loss = double.PositiveInfinity; // a point where the loss is undefined blocks the way
                }
                if (loss > highest) (highest, atS, atT) = (loss, (double)s / (options.PathSamples - 1), t);
            }
        }
        return new HomotopyResult(first.Highest, second.Highest, highest, atS, atT);
    }

    /// <summary><paramref name="count"/> points spaced evenly by arc length along the polyline through the path's points.</summary>
    internal static double[][] Resample(IReadOnlyList<double[]> path, int count)
    {
        var cumulative = new double[path.Count];
        for (int i = 1; i < path.Count; i++) cumulative[i] = cumulative[i - 1] + Polyline.Distance(path[i - 1], path[i]);
        double total = cumulative[^1];
        var samples = new double[count][];
        int segment = 0;
        for (int j = 0; j < count; j++)
        {
            double target = total * j / (count - 1);
            while (segment < path.Count - 2 && cumulative[segment + 1] < target) segment++;
            var from = path[segment];
            var to = path[Math.Min(segment + 1, path.Count - 1)];
            double length = path.Count == 1 ? 0 : cumulative[segment + 1] - cumulative[segment];
            double t = length > 0 ? Math.Clamp((target - cumulative[segment]) / length, 0, 1) : 0;
            samples[j] = new double[from.Length];
            Polyline.Interpolate(from, to, t, samples[j]);
        }
        return samples;
    }

    private static IReadOnlyList<double[]> Checked(ILossSurface surface, IReadOnlyList<double[]> path, string name)
    {
        ArgumentNullException.ThrowIfNull(path, name);
        if (path.Count == 0) throw new ArgumentException($"the {name} path has no points", name);
        for (int i = 0; i < path.Count; i++)
        {
            if (path[i].Length != surface.Dimension)
                throw new ArgumentException($"point {i} of the {name} path has {path[i].Length} coordinates; the surface has {surface.Dimension}", name);
            if (path[i].Any(x => !double.IsFinite(x)))
                throw new ArgumentException($"point {i} of the {name} path has a non-finite coordinate", name);
        }
        return path;
    }
}
