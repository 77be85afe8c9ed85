namespace TopoDsl.Experiments.Results;

/// <summary>
/// Where an experiment's output goes under <c>--out DIR</c>: <c>results.json</c> and <c>report.html</c> at the top,
/// and per run (cell) <c>runs/ID/</c> (its result and checkpoint), <c>curves/ID/</c> (CSV files) and <c>clouds/ID/</c>
/// (the neuron clouds at each persistence checkpoint).
/// </summary>
public sealed class RunFolders(string root)
{
    /// <summary>The output folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The merged results of every finished run.</summary>
    public string Results => Path.Combine(Root, "results.json");

    /// <summary>The report.</summary>
    public string Report => Path.Combine(Root, "report.html");

    /// <summary>The record of shard <paramref name="index"/> of <paramref name="count"/> (<c>run NAME --shard I/N</c>).</summary>
    public string ShardRecord(int index, int count) => Path.Combine(Root, "shards", $"{index}-of-{count}.json");

    /// <summary>The shard count and the cells of the sweep whose shards write here, written once by the first shard.</summary>
    public string ShardedSweep => Path.Combine(Root, "shards", "sweep.txt");

    /// <summary>Every shard record in the folder.</summary>
    public IReadOnlyList<string> ShardRecords() =>
        Directory.Exists(Path.Combine(Root, "shards")) ? Directory.GetFiles(Path.Combine(Root, "shards"), "*-of-*.json").Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>The declaration fingerprint the folder's runs were made with.</summary>
    public string Declaration => Path.Combine(Root, "declaration.txt");

    /// <summary>A finished run's result; its presence marks the run complete.</summary>
    public string RunResult(string cell) => Path.Combine(Root, "runs", cell, "result.json");

    /// <summary>An unfinished run's latest checkpoint.</summary>
    public string Checkpoint(string cell) => Path.Combine(Root, "runs", cell, "checkpoint.bin");

    /// <summary>A finished run's trained parameters (kept when the experiment declares landscape analyses).</summary>
    public string Parameters(string cell) => Path.Combine(Root, "runs", cell, "parameters.bin");

    /// <summary>The parameters of a run at <paramref name="step"/>: a point of its training path ([HomotopyClasses]).</summary>
    public string PathPoint(string cell, int step) => Path.Combine(Root, "paths", cell, $"step{step:D7}.bin");

    /// <summary>The saved points of a run's training path, by step.</summary>
    public IReadOnlyList<(int Step, string Path)> PathPoints(string cell) => Numbered(Path.Combine(Root, "paths", cell), "step", ".bin");

    /// <summary>The saved units of one kind of analysis ("slices", "minima", "homotopy"), with the settings they were made with.</summary>
    public string Analysis(string kind) => Path.Combine(Root, "analyses", kind);

    /// <summary>The losses of grid rows <paramref name="fromRow"/> onwards of a run's [LossSlice], saved as they are computed.</summary>
    public string SliceRows(string cell, int fromRow) => Path.Combine(Root, "analyses", "slices", cell, $"rows{fromRow:D4}.bin");

    /// <summary>The AutoNEB path between two runs' minima, saved when it is found ([MinimaBarcode]); the runs in cell order.</summary>
    public string MinimaPair(string sweepPoint, string first, string second) =>
        Path.Combine(Root, "analyses", "minima", sweepPoint.Length == 0 ? "all" : sweepPoint, $"{first}~{second}.json");

    /// <summary>The homotopy test of two runs' training paths, saved when it is done ([HomotopyClasses]); the runs in cell order.</summary>
    public string HomotopyPair(string first, string second) => Path.Combine(Root, "analyses", "homotopy", $"{first}~{second}.json");

    /// <summary>A run's CSV curves.</summary>
    public string Curves(string cell) => Path.Combine(Root, "curves", cell);

    /// <summary>A run's neuron clouds.</summary>
    public string Clouds(string cell) => Path.Combine(Root, "clouds", cell);

    /// <summary>The neuron cloud of hidden layer <paramref name="layer"/> at <paramref name="step"/>: one row per neuron.</summary>
    public string Cloud(string cell, int layer, int step) => Path.Combine(Clouds(cell), $"layer{layer}-step{step:D7}.csv");

    /// <summary>The cloud files of one layer of a run that exist, by step.</summary>
    public IReadOnlyList<(int Step, string Path)> CloudFiles(string cell, int layer) => Numbered(Clouds(cell), $"layer{layer}-step", ".csv");

    // The files of a folder named prefix + a number + extension, by number.
    private static IReadOnlyList<(int Step, string Path)> Numbered(string folder, string prefix, string extension)
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, prefix + "*" + extension)
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Path: path))
            .Where(f => f.Name.Length > prefix.Length && f.Name[prefix.Length..].All(char.IsAsciiDigit))
            .Select(f => (int.Parse(f.Name[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture), f.Path))
            .OrderBy(f => f.Item1).ToList();
    }

    /// <summary>The name of a run's batch-loss curve in its <see cref="Curves"/> folder.</summary>
    public const string LossCurve = "loss.csv";

    /// <summary>Creates the folders a run writes into, without the temporary files of an earlier process killed while writing.</summary>
    public void Prepare(string cell)
    {
        foreach (string folder in new[] { Path.Combine(Root, "runs", cell), Curves(cell), Clouds(cell), Path.Combine(Root, "paths", cell) })
            StaleTemporaries.Remove(folder);
        Directory.CreateDirectory(Path.Combine(Root, "runs", cell));
        Directory.CreateDirectory(Curves(cell));
        Directory.CreateDirectory(Clouds(cell));
    }
}
