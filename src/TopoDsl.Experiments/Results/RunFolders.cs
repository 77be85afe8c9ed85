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

    /// <summary>The declaration fingerprint the folder's runs were made with.</summary>
    public string Declaration => Path.Combine(Root, "declaration.txt");

    /// <summary>A finished run's result; its presence marks the run complete.</summary>
    public string RunResult(string cell) => Path.Combine(Root, "runs", cell, "result.json");

    /// <summary>An unfinished run's latest checkpoint.</summary>
    public string Checkpoint(string cell) => Path.Combine(Root, "runs", cell, "checkpoint.bin");

    /// <summary>A run's CSV curves.</summary>
    public string Curves(string cell) => Path.Combine(Root, "curves", cell);

    /// <summary>A run's neuron clouds.</summary>
    public string Clouds(string cell) => Path.Combine(Root, "clouds", cell);

    /// <summary>The neuron cloud of hidden layer <paramref name="layer"/> at <paramref name="step"/>: one row per neuron.</summary>
    public string Cloud(string cell, int layer, int step) => Path.Combine(Clouds(cell), $"layer{layer}-step{step:D7}.csv");

    /// <summary>The cloud files of one layer of a run that exist, by step.</summary>
    public IReadOnlyList<(int Step, string Path)> CloudFiles(string cell, int layer)
    {
        string folder = Clouds(cell);
        if (!Directory.Exists(folder)) return [];
        string prefix = $"layer{layer}-step";
        return Directory.GetFiles(folder, prefix + "*.csv")
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Path: path))
            .Where(f => f.Name.Length > prefix.Length && f.Name[prefix.Length..].All(char.IsAsciiDigit))
            .Select(f => (int.Parse(f.Name[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture), f.Path))
            .OrderBy(f => f.Item1).ToList();
    }

    /// <summary>The name of a run's batch-loss curve in its <see cref="Curves"/> folder.</summary>
    public const string LossCurve = "loss.csv";

    /// <summary>Creates the folders a run writes into.</summary>
    public void Prepare(string cell)
    {
        Directory.CreateDirectory(Path.Combine(Root, "runs", cell));
        Directory.CreateDirectory(Curves(cell));
        Directory.CreateDirectory(Clouds(cell));
    }
}
