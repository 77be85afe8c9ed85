using System.Text.Json;
using TopoDsl.Homology.IO;

namespace TopoDsl.Experiments.Results;

/// <summary>Reads and writes <c>runs/ID/result.json</c> and the merged <c>results.json</c>, atomically.</summary>
public static class ResultFiles
{
    /// <summary>Writes one run's result.</summary>
    public static void WriteRun(string path, RunResult result) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, result, ResultsJson.Options));

    /// <summary>Reads one run's result.</summary>
    public static RunResult ReadRun(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RunResult>(stream, ResultsJson.Options) ?? throw new InvalidDataException($"{path}: empty result");
    }

    /// <summary>Writes the merged results: the experiment, how it was run, and every run in cell order.</summary>
    public static void WriteAll(string path, ExperimentResults results) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, results, ResultsJson.Options));

    /// <summary>Reads merged results.</summary>
    public static ExperimentResults ReadAll(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ExperimentResults>(stream, ResultsJson.Options) ?? throw new InvalidDataException($"{path}: empty results");
    }
}
