using TopoDsl.Experiments.Results;
using TopoDsl.Landscape.Statistics;

namespace TopoDsl.Experiments.Analyses;

/// <summary>[GeneralisationFit]: the gaps of the runs with a slice, fitted on the slices' total persistence.</summary>
internal static class GeneralisationFits
{
    public static List<GeneralisationFitResult> Of(IReadOnlyList<RunResult> runs, IReadOnlyList<SliceResult> slices, double confidence, List<string> notes)
    {
        var persistence = slices.ToDictionary(s => s.Cell, s => s.TotalPersistence);
        var fitted = runs.Where(r => persistence.ContainsKey(r.Cell)).ToList();
        var fits = new List<GeneralisationFitResult>();
        Add("test loss - train loss", fitted, r => r.TestLoss - r.TrainLoss);
        if (fitted.All(r => r.TrainAccuracy is not null && r.TestAccuracy is not null))
            Add("train accuracy - test accuracy", fitted, r => r.TrainAccuracy!.Value - r.TestAccuracy!.Value);
        return fits;

        void Add(string gap, List<RunResult> of, Func<RunResult, double> measure)
        {
            var x = of.Select(r => persistence[r.Cell]).ToArray();
            var y = of.Select(measure).ToArray();
            LinearFit line;
            try
            {
                line = LinearFit.Of(x, y, confidence);
            }
            catch (ArgumentException e)
            {
                string why = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
                notes.Add($"generalisation fit of {gap} on total persistence: {why}");
                return;
            }
            fits.Add(new GeneralisationFitResult
            {
                Gap = gap, Cells = of.Select(r => r.Cell).ToList(), TotalPersistence = x, Gaps = y,
                Slope = line.Slope, Intercept = line.Intercept, RSquared = line.RSquared, SlopeLow = line.SlopeLow, SlopeHigh = line.SlopeHigh, Confidence = line.Confidence,
            });
        }
    }
}
