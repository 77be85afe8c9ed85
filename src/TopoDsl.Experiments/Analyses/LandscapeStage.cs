using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Analyses;

/// <summary>
/// The loss-landscape analyses an experiment declares, after its runs: slices per run, the barcode of minima per sweep
/// point, homotopy classes over all runs, and the generalisation fit. Each unit of work (a block of slice rows, a pair)
/// is saved when done, so a second invocation repeats none of it and gives the same numbers.
/// </summary>
internal static class LandscapeStage
{
    /// <summary>The <c>landscape</c> section for <paramref name="runs"/>, or null when the experiment declares no analysis.</summary>
    public static LandscapeResults? Run(ResolvedExperiment experiment, IReadOnlyList<RunResult> runs, RunFolders folders, IRunObserver observer, CancellationToken cancellation)
    {
        var analyses = experiment.Definition.Landscape;
        if (!analyses.Any) return null;
        var networks = new TrainedNetworks(experiment, folders);
        var results = new LandscapeResults();
        var usable = new List<RunResult>();
        foreach (var run in runs)
        {
            if (run.Diverged) results.Excluded.Add($"{run.Cell}: diverged at step {run.DivergedAtStep}, so it has no trained network");
            else usable.Add(run);
        }
        try
        {
            if (analyses.Slice is { } slice)
                foreach (var run in usable) results.Slices.Add(SliceStage.Run(run, slice, networks, folders, observer, cancellation));
            if (analyses.Fit is { } fit) results.Fits = GeneralisationFits.Of(usable, results.Slices, fit.Confidence, results.Notes);
            if (analyses.Minima is { } minima)
                foreach (var point in runs.GroupBy(r => r.SweepPoint))
                {
                    var finished = point.Where(usable.Contains).ToList();
                    if (finished.Count < 2)
                        results.Notes.Add($"barcode of minima of {(point.Key.Length == 0 ? "the runs" : point.Key)}: {finished.Count} finished run{(finished.Count == 1 ? "" : "s")}; it needs at least two minima");
                    else results.Minima.Add(MinimaStage.Run(point.Key, finished, minima, networks, folders, observer, cancellation));
                }
            if (analyses.Homotopy is { } homotopy)
            {
                if (usable.Count < 2) results.Notes.Add($"homotopy classes: {usable.Count} finished run{(usable.Count == 1 ? "" : "s")}; the test compares pairs");
                else results.Homotopy = HomotopyStage.Run(usable, homotopy, networks, folders, observer, cancellation);
            }
        }
        catch (ArithmeticException e)
        {
            throw new ExperimentException($"{experiment.Definition.Name}: landscape analysis: {e.Message}");
        }
        return results;
    }
}
