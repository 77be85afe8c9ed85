namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// A validated persistence diagram split into its finite points (parallel birth/death arrays)
/// and the births of its essential bars, sorted ascending.
/// </summary>
internal sealed class DiagramPoints
{
    private DiagramPoints(double[] births, double[] deaths, double[] essentialBirths)
    {
        Births = births;
        Deaths = deaths;
        EssentialBirths = essentialBirths;
    }

    public double[] Births { get; }
    public double[] Deaths { get; }
    public double[] EssentialBirths { get; }
    public int Count => Births.Length;

    public static DiagramPoints From(IReadOnlyList<PersistenceInterval> bars, string paramName)
    {
        ArgumentNullException.ThrowIfNull(bars, paramName);
        var births = new List<double>(bars.Count);
        var deaths = new List<double>(bars.Count);
        var essential = new List<double>();
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            Validate(bar, i, paramName);
            if (bar.IsEssential)
            {
                essential.Add(bar.Birth);
            }
            else
            {
                births.Add(bar.Birth);
                deaths.Add(bar.Death);
            }
        }
        essential.Sort();
        return new DiagramPoints(births.ToArray(), deaths.ToArray(), essential.ToArray());
    }

    private static void Validate(PersistenceInterval bar, int index, string paramName)
    {
        if (!double.IsFinite(bar.Birth))
            throw new ArgumentException($"bar {index} {bar}: the birth must be a finite number", paramName);
        if (double.IsNaN(bar.Death))
            throw new ArgumentException($"bar {index} {bar}: the death is NaN", paramName);
        if (bar.Death < bar.Birth)
            throw new ArgumentException($"bar {index} {bar}: the death is before the birth", paramName);
    }
}
