using TopoDsl.Experiments.Results;
using TopoDsl.Homology.IO;
using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Experiments.Running;

/// <summary>
/// Runs every cell of an experiment into an output folder. Finished runs are kept and skipped, an unfinished one
/// continues from its checkpoint, and a folder made by a different declaration is refused, never mixed.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>Runs (or resumes) <paramref name="experiment"/> into <paramref name="output"/> and writes <c>results.json</c>.</summary>
    public static ExperimentResults Run(ResolvedExperiment experiment, string output, int threads, IRunObserver observer, CancellationToken cancellation = default) =>
        Run(experiment, output, threads, observer, RunMode.Tracked, cancellation);

    /// <summary>As <see cref="Run(ResolvedExperiment, string, int, IRunObserver, CancellationToken)"/>, measuring only what <paramref name="mode"/> asks.</summary>
    public static ExperimentResults Run(ResolvedExperiment experiment, string output, int threads, IRunObserver observer, RunMode mode, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var folders = new RunFolders(output);
        Claim(folders, experiment);
        Gemm.Threads = threads;
        var runs = new List<RunResult>();
        foreach (var cell in experiment.Cells)
        {
            string finished = folders.RunResult(cell.Id);
            if (File.Exists(finished))
            {
                observer.RunSkipped(cell);
                runs.Add(ResultFiles.ReadRun(finished));
                continue;
            }
            runs.Add(new RunLoop(experiment, cell, folders, threads, observer, mode).Execute(cancellation));
        }
        var results = Summarise(experiment, runs);
        if (experiment.Definition.Landscape.Any)
        {
            // The runs' results first, so that they are kept however the analyses end.
            ResultFiles.WriteAll(folders.Results, results);
            results.Landscape = Analyses.LandscapeStage.Run(experiment, runs, folders, observer, cancellation);
        }
        ResultFiles.WriteAll(folders.Results, results);
        return results;
    }

    /// <summary>The merged results of the given runs.</summary>
    public static ExperimentResults Summarise(ResolvedExperiment experiment, List<RunResult> runs)
    {
        var definition = experiment.Definition;
        return new ExperimentResults
        {
            Experiment = definition.Name,
            Description = definition.Description,
            Quick = experiment.IsQuick,
            Network = experiment.Network.Description,
            Initialisation = definition.Initialisation.Name,
            ExpectedBetti = definition.Initialisation.ExpectedBetti,
            Optimizer = definition.Optimizer.Name,
            Runs = runs,
        };
    }

    /// <summary>
    /// Makes sure the folder can be written and holds runs of this declaration only: the first run writes its
    /// fingerprint, later ones must match it.
    /// </summary>
    private static void Claim(RunFolders folders, ResolvedExperiment experiment)
    {
        string fingerprint = experiment.Fingerprint;
        try
        {
            Directory.CreateDirectory(folders.Root);
            if (File.Exists(folders.Declaration))
            {
                string existing = File.ReadAllText(folders.Declaration);
                if (existing != fingerprint)
                    throw new ExperimentException(
                        $"--out {folders.Root}: it holds runs of a different declaration of {experiment.Definition.Name} " +
                        $"({FirstDifference(existing, fingerprint)}); use another --out folder, or delete this one to start again");
                return;
            }
            AtomicFile.WriteAllText(folders.Declaration, writer => writer.Write(fingerprint));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExperimentException($"--out {folders.Root}: cannot write there ({e.Message})");
        }
    }

    private static string FirstDifference(string before, string now)
    {
        var a = before.Split('\n');
        var b = now.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string was = i < a.Length ? a[i] : "", @is = i < b.Length ? b[i] : "";
            if (was != @is) return $"was \"{Shorten(was)}\", now \"{Shorten(@is)}\"";
        }
        return "same text";
    }

    private static string Shorten(string line) => line.Length <= 120 ? line : line[..117] + "...";
}
