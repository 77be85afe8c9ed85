using System.Text.Json;
using TopoDsl.Experiments.Running;
using TopoDsl.Homology.IO;

namespace TopoDsl.Experiments.Analyses;

/// <summary>The AutoNEB path of two runs' minima as saved under <c>analyses/minima/</c>.</summary>
internal sealed record SavedMinimaPair(string First, string Second, double Barrier, int Images, double[] Positions, double[] Losses);

/// <summary>The homotopy test of two runs' paths as saved under <c>analyses/homotopy/</c>.</summary>
internal sealed record SavedHomotopyPair(string First, string Second, double FirstPathHighest, double SecondPathHighest, double HomotopyHighest, double AtPathFraction, double AtBlend);

/// <summary>One JSON file per analysed pair, written atomically when the pair is done and read back on resume.</summary>
internal static class PairFiles
{
    public static void Write<T>(string path, T pair)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, pair, ResultsJson.Compact));
    }

    /// <summary>The saved pair, or null when there is none yet.</summary>
    public static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, ResultsJson.Options);
        }
        catch (JsonException e)
        {
            throw new ExperimentException($"{path}: not a saved pair ({e.Message}); delete it to compute the pair again");
        }
    }
}
