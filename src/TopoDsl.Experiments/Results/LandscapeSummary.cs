namespace TopoDsl.Experiments.Results;

/// <summary>What the loss-landscape analyses found, in sentences, for the console and the report.</summary>
public static class LandscapeSummary
{
    /// <summary>The summary lines of <paramref name="landscape"/> (none when it is null).</summary>
    public static IReadOnlyList<string> Of(LandscapeResults? landscape)
    {
        if (landscape is null) return [];
        var lines = new List<string>();
        if (landscape.Slices.Count > 0)
        {
            var tp = landscape.Slices.Select(s => s.TotalPersistence).ToList();
            lines.Add($"loss slices: {landscape.Slices.Count}, {landscape.Slices[0].Resolution} x {landscape.Slices[0].Resolution} each; " +
                      $"minima per slice {Range(landscape.Slices.Select(s => (double)s.Minima.Count))}, total persistence {Range(tp)}");
        }
        foreach (var fit in landscape.Fits)
            lines.Add($"{fit.Gap} = {N(fit.Slope)} x total persistence + {N(fit.Intercept)}: R^2 = {N(fit.RSquared)} over {fit.Cells.Count} runs, " +
                      $"slope {N(fit.SlopeLow)} to {N(fit.SlopeHigh)} at {P(fit.Confidence, 0)}");
        foreach (var minima in landscape.Minima)
        {
            string point = minima.SweepPoint.Length == 0 ? "all runs" : minima.SweepPoint;
            string segments = minima.Segments.Count == 0 ? "no segment (every minimum joins a lower one at its own loss, or none was connected)"
                : $"{minima.Segments.Count} segment{(minima.Segments.Count == 1 ? "" : "s")}, saddles {Range(minima.Segments.Select(s => s.Saddle))}, TO-score (L2) {N(minima.Scores["L2"])}";
            lines.Add($"barcode of minima ({point}): {minima.Cells.Count} minima at loss {Range(minima.Losses)}, {minima.Paths.Count} paths, {segments}");
        }
        if (landscape.Homotopy is { } homotopy)
        {
            int classes = homotopy.Classes.Length == 0 ? 0 : homotopy.Classes.Max() + 1;
            string accuracy = homotopy.WithinClassSpread is double within && homotopy.BetweenClassSpread is double between
                ? $"; test accuracy spread {P(within, 2)} within a class, {P(between, 2)} between class means" : "";
            string from = homotopy.From > 0 ? $" (paths from {P(homotopy.From, 0)} of each run on)" : "";
            lines.Add($"homotopy classes{from}: {classes} class{(classes == 1 ? "" : "es")} among {homotopy.Cells.Count} runs at tolerance {N(homotopy.Tolerance)}{accuracy}");
        }
        lines.AddRange(landscape.Notes);
        lines.AddRange(landscape.Excluded.Select(e => "left out of the landscape analyses: " + e));
        return lines;
    }

    private static string N(double value) => RunCells.Number(value);

    private static string P(double fraction, int decimals) => fraction.ToString("P" + decimals, System.Globalization.CultureInfo.InvariantCulture);

    private static string Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return "-";
        double low = list.Min(), high = list.Max();
        return low == high ? N(low) : $"{N(low)} to {N(high)}";
    }
}
