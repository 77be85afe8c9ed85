using System.Globalization;
using TopoDsl.Experiments.Definitions;

namespace TopoDsl.Experiments.Running;

/// <summary>One run of an experiment: a point of its sweep grid and a seed.</summary>
/// <param name="Index">The cell's position in the grid's order (sweep axes outermost first, then seeds).</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Coordinates">The sweep axes and this cell's value on each.</param>
public sealed record RunCell(int Index, ulong Seed, IReadOnlyList<(SweepAxis Axis, double Value)> Coordinates)
{
    /// <summary>
    /// A stable, readable id that names the cell's folders, e.g. "lr=0.0025_seed=0"; a multiple of η* is written
    /// "lr=0.25etastar".
    /// </summary>
    public string Id => string.Join("_", Coordinates
        .Select(c => $"{c.Axis.Name}={c.Value.ToString("R", CultureInfo.InvariantCulture)}{(c.Axis.TimesEtaStar ? "etastar" : "")}")
        .Append($"seed={Seed.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The cells of <paramref name="sweep"/> x <paramref name="seeds"/>, in order.</summary>
    public static IReadOnlyList<RunCell> Grid(IReadOnlyList<SweepAxis> sweep, IReadOnlyList<ulong> seeds)
    {
        IEnumerable<IReadOnlyList<(SweepAxis, double)>> points = [[]];
        foreach (var axis in sweep)
            points = points.SelectMany(point => axis.Values.Select(v => (IReadOnlyList<(SweepAxis, double)>)[.. point, (axis, v)])).ToList();
        var cells = new List<RunCell>();
        foreach (var point in points)
            foreach (ulong seed in seeds) cells.Add(new RunCell(cells.Count, seed, point));
        return cells;
    }
}
