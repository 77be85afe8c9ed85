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
        var folders = Prepare(experiment, output, threads);
        RefuseShardedFolder(folders);
        var runs = RunCells(experiment, experiment.Cells, folders, threads, observer, mode, cancellation);
        return Finish(experiment, runs, folders, observer, cancellation);
    }

    /// <summary>
    /// Runs (or resumes) the cells of one shard of <paramref name="experiment"/> into <paramref name="output"/>, beside
    /// the other shards: it records what it was asked to do in <c>shards/I-of-N.json</c> and writes only its cells'
    /// files; <see cref="Collect"/> merges the shards when all are done.
    /// </summary>
    public static IReadOnlyList<RunResult> RunShard(ResolvedExperiment experiment, string output, Shard shard, int? seedsOption, int threads, IRunObserver observer,
        CancellationToken cancellation = default)
    {
        var folders = Prepare(experiment, output, threads);
        RefuseOtherShardedSweeps(folders, experiment, shard);
        ClaimShardedSweep(folders, experiment, shard);
        var cells = experiment.Cells.Where(shard.Runs).ToList();
        var record = new ShardRecord
        {
            Experiment = experiment.Definition.Name, Quick = experiment.IsQuick, Seeds = seedsOption, Shard = shard.ToString(),
            Cells = experiment.Cells.Select(c => c.Id).ToList(), Runs = cells.Select(c => c.Id).ToList(),
        };
        string path = folders.ShardRecord(shard.Index, shard.Count);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.Write(path, stream => System.Text.Json.JsonSerializer.Serialize(stream, record, ResultsJson.Options));
        return RunCells(experiment, cells, folders, threads, observer, RunMode.Tracked, cancellation);
    }

    // Shards of another N, or of another sweep (other --seeds or --quick), run other sets of cells: a cell could be run by two
    // processes at once, which would write the same files. The first shard to start writes the folder's N and cells, once and
    // atomically, so that of two shards starting together one finds the other's and compares; a folder keeps them until its
    // shards/ folder is removed (when none of those shards runs any more).
    private static void ClaimShardedSweep(RunFolders folders, ResolvedExperiment experiment, Shard shard)
    {
        var claim = new ShardedSweepClaim(shard.Count, experiment.Cells.Select(c => c.Id).ToList());
        Directory.CreateDirectory(Path.GetDirectoryName(folders.ShardedSweep)!);
        if (AtomicFile.CreateOnce(folders.ShardedSweep, claim.Text)) return;
        var existing = ShardedSweepClaim.Read(folders.ShardedSweep)
            ?? throw new ExperimentException($"{folders.ShardedSweep}: not a sweep's shard claim (its first line should read 'shards N'); {StartAnew(folders)}");
        RefuseOtherSweep(folders, experiment, shard, folders.ShardedSweep, existing.Count, existing.Cells);
    }

    private static void RefuseOtherSweep(RunFolders folders, ResolvedExperiment experiment, Shard shard, string source, int count, IReadOnlyList<string> cells)
    {
        if (count != shard.Count)
            throw new ExperimentException($"--shard {shard}: {folders.Root} was sharded {count} ways ({Path.GetRelativePath(folders.Root, source)}); give --shard I/{count}, or, {StartAnew(folders)}");
        if (!cells.SequenceEqual(experiment.Cells.Select(c => c.Id)))
            throw new ExperimentException($"--shard {shard}: the shards in {folders.Root} run another sweep ({cells.Count} cells, this one {experiment.Cells.Count}); "
                + $"give the --quick and --seeds they were given, or, {StartAnew(folders)}");
    }

    private static string StartAnew(RunFolders folders) => $"once none of those shards is running, remove {Path.Combine(folders.Root, "shards")} to shard it anew";

    // Folders sharded before the claim above was written hold only their shard records: they are read first, so that such a
    // folder is not claimed for another N or sweep by a shard that is then refused.
    private static void RefuseOtherShardedSweeps(RunFolders folders, ResolvedExperiment experiment, Shard shard)
    {
        foreach (string file in folders.ShardRecords())
        {
            var record = ReadShard(file);
            RefuseOtherSweep(folders, experiment, shard, file, ShardCount(record), record.Cells);
        }
    }

    // A whole run beside shards that may still be running would run their cells too.
    private static void RefuseShardedFolder(RunFolders folders)
    {
        if (File.Exists(folders.ShardedSweep) || folders.ShardRecords().Count > 0)
            throw new ExperimentException($"--out {folders.Root}: its sweep is run in shards; run the missing cells with --shard I/N (`collect {ShardCommandLine.Quote(folders.Root)}` "
                + $"lists them), or, once none of its shards is running, remove {Path.Combine(folders.Root, "shards")} to run it whole");
    }

    /// <summary>
    /// Merges the shards of a sweep in <paramref name="output"/> into <c>results.json</c> (and the landscape analyses),
    /// as one machine running the whole sweep would have written it; or, when cells are missing, names them with the
    /// command that runs them and writes nothing.
    /// </summary>
    public static CollectOutcome Collect(string output, IReadOnlyList<Definitions.ExperimentDefinition> experiments, int threads, IRunObserver observer,
        CancellationToken cancellation = default)
    {
        var folders = new RunFolders(output);
        if (!File.Exists(folders.Declaration))
            throw new ExperimentException($"{folders.Root}: no declaration.txt there; collect merges a folder that `run NAME --out {output} --shard I/N` wrote");
        var records = folders.ShardRecords().Select(file => (File: file, Record: ReadShard(file))).ToList();
        if (records.Count == 0)
            throw new ExperimentException($"{folders.Root}: no shards/*.json there; collect merges the shards of `run NAME --shard I/N`");
        var first = records[0].Record;
        foreach (var (file, record) in records.Skip(1))
            if (record.Experiment != first.Experiment || record.Quick != first.Quick || !record.Cells.SequenceEqual(first.Cells))
                throw new ExperimentException($"{file}: this shard ran another sweep than {records[0].File} (experiment, --quick or cells differ)");
        var definition = experiments.FirstOrDefault(d => d.Name == first.Experiment)
            ?? throw new ExperimentException($"{folders.Root}: its shards ran the experiment '{first.Experiment}', which this program does not declare");
        var experiment = new ResolvedExperiment(definition, first.Quick, first.Seeds);
        if (File.ReadAllText(folders.Declaration) != experiment.Fingerprint)
            throw new ExperimentException($"{folders.Root}: its runs were made with another declaration of {definition.Name} than this program's; collect with the program that ran them");
        Gemm.Threads = threads;
        var counts = ShardedSweepClaim.Read(folders.ShardedSweep) is { } claim
            ? [claim.Count]
            : records.Select(r => ShardCount(r.Record)).Distinct().ToList();
        var runs = new List<RunResult>();
        var missing = new List<MissingCell>();
        foreach (var cell in experiment.Cells)
        {
            string finished = folders.RunResult(cell.Id);
            if (File.Exists(finished)) runs.Add(ResultFiles.ReadRun(finished));
            else missing.Add(new MissingCell(cell.Id, RerunCommand(experiment, first, output, counts, cell)));
        }
        if (missing.Count > 0) return new CollectOutcome(null, missing);
        return new CollectOutcome(Finish(experiment, runs, folders, observer, cancellation), []);
    }

    private static string RerunCommand(ResolvedExperiment experiment, ShardRecord record, string output, List<int> counts, RunCell cell)
    {
        int count = counts.Count == 1 ? counts[0] : 1;
        var shard = new Shard(cell.Index % count, count);
        return ShardCommandLine.ForShell(ShardCommandLine.Arguments(experiment.Definition.Name, output, shard.ToString(), record.Quick, record.Seeds));
    }

    private static int ShardCount(ShardRecord record) => Shard.Parse(record.Shard).Count;

    private static ShardRecord ReadShard(string file)
    {
        ShardRecord? record;
        try
        {
            using var stream = File.OpenRead(file);
            record = System.Text.Json.JsonSerializer.Deserialize<ShardRecord>(stream, ResultsJson.Options);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ExperimentException($"{file}: not a shard record ({e.Message})");
        }
        if (record is null || record.Experiment is null || record.Shard is null || record.Cells is null || record.Runs is null || record.Cells.Any(c => c is null))
            throw new ExperimentException($"{file}: not a shard record (experiment, shard, cells or runs missing)");
        try
        {
            Shard.Parse(record.Shard);
        }
        catch (ExperimentException)
        {
            throw new ExperimentException($"{file}: not a shard record (its shard reads '{record.Shard}', not I/N)");
        }
        return record;
    }

    private static RunFolders Prepare(ResolvedExperiment experiment, string output, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var folders = new RunFolders(output);
        Claim(folders, experiment);
        Gemm.Threads = threads;
        return folders;
    }

    private static List<RunResult> RunCells(ResolvedExperiment experiment, IEnumerable<RunCell> cells, RunFolders folders, int threads, IRunObserver observer, RunMode mode,
        CancellationToken cancellation)
    {
        var runs = new List<RunResult>();
        foreach (var cell in cells)
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
        return runs;
    }

    private static ExperimentResults Finish(ResolvedExperiment experiment, List<RunResult> runs, RunFolders folders, IRunObserver observer, CancellationToken cancellation)
    {
        StaleTemporaries.Remove(folders.Root); // results.json's and report.html's
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
            // Created once, by whichever shard comes first: the others find it and compare.
            if (!AtomicFile.CreateOnce(folders.Declaration, fingerprint))
            {
                string existing = File.ReadAllText(folders.Declaration);
                if (existing != fingerprint)
                    throw new ExperimentException(
                        $"--out {folders.Root}: it holds runs of a different declaration of {experiment.Definition.Name} " +
                        $"({FirstDifference(existing, fingerprint)}); use another --out folder, or delete this one to start again");
            }
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
