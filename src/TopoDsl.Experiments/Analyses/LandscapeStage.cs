using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;
using TopoDsl.Homology.IO;

namespace TopoDsl.Experiments.Analyses;

/// <summary>
/// The loss-landscape analyses an experiment declares, after its runs: slices per run, the barcode of minima per sweep
/// point, homotopy classes over all runs, and the generalisation fit. Each unit of work (a block of slice rows, a pair)
/// is saved when done, so a second invocation repeats none of it and gives the same numbers. An analysis whose
/// settings changed starts again from nothing; one that cannot be made (too few runs, runs on different data, a
/// diverged path) is a note, and the others go on.
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

        if (analyses.Slice is { } slice)
        {
            Claim(folders.Analysis("slices"), Settings(slice), "slice", observer);
            foreach (var run in usable)
            {
                try
                {
                    results.Slices.Add(SliceStage.Run(run, slice, networks, folders, observer, cancellation));
                }
                catch (ArithmeticException e)
                {
                    results.Notes.Add($"loss slice of {run.Cell}: {e.Message}");
                }
            }
        }
        if (analyses.Fit is { } fit) results.Fits = GeneralisationFits.Of(usable, results.Slices, fit.Confidence, results.Notes);
        if (analyses.Minima is { } minima)
        {
            Claim(folders.Analysis("minima"), Settings(minima), "minima", observer);
            foreach (var point in runs.GroupBy(r => r.SweepPoint))
            {
                string name = point.Key.Length == 0 ? "the runs" : point.Key;
                var finished = point.Where(usable.Contains).ToList();
                if (finished.Count < 2)
                    results.Notes.Add($"barcode of minima of {name}: {finished.Count} finished run{(finished.Count == 1 ? "" : "s")}; it needs at least two minima");
                else if (networks.DifferentData(finished, minima.Samples) is { } different)
                    results.Notes.Add($"barcode of minima of {name}: {different}");
                else
                {
                    try
                    {
                        results.Minima.Add(MinimaStage.Run(point.Key, finished, minima, networks, folders, observer, cancellation));
                    }
                    catch (ArithmeticException e)
                    {
                        results.Notes.Add($"barcode of minima of {name} ({string.Join(", ", finished.Select((r, k) => $"minimum {k}: {r.Cell}"))}): {e.Message}; " +
                                          "a smaller [MinimaBarcode(LearningRate = ...)] keeps the chain finite");
                    }
                }
            }
        }
        if (analyses.Homotopy is { } homotopy)
        {
            Claim(folders.Analysis("homotopy"), Settings(homotopy), "homotopy", observer);
            if (usable.Count < 2) results.Notes.Add($"homotopy classes: {usable.Count} finished run{(usable.Count == 1 ? "" : "s")}; the test compares pairs");
            else if (networks.DifferentData(usable, homotopy.Samples) is { } different) results.Notes.Add($"homotopy classes: {different}");
            else results.Homotopy = HomotopyStage.Run(usable, homotopy, networks, folders, observer, cancellation);
        }
        return results;
    }

    // Records print their numbers in the current culture: fix it, so that saved units are kept under any locale.
    private static string Settings(object analysis)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            return analysis.ToString()!;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>
    /// Keeps an analysis's saved units only if they were made with the same settings: otherwise they are removed, so
    /// results of two settings are never mixed, and the folder is marked with the new ones.
    /// </summary>
    private static void Claim(string folder, string settings, string analysis, IRunObserver observer)
    {
        StaleTemporaries.Remove(folder, recursive: true);
        string marker = Path.Combine(folder, "settings.txt");
        if (File.Exists(marker) && File.ReadAllText(marker) == settings) return;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
            observer.AnalysisProgress(analysis, "", 0, 0, "its settings changed: the units saved with the earlier ones are removed");
        }
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(marker, writer => writer.Write(settings));
    }
}
