using System.Globalization;

namespace TopoDsl.Cli.Bench;

/// <summary>One input of the persistence benchmark: a file under the data folder and ripser's parameters.</summary>
internal sealed record PhBenchmarkCase(string Name, string RelativePath, string Format, int Dimension, float? Threshold)
{
    /// <summary>The standard inputs of the persistent-homology literature (Ripser's and the PH roadmap's).</summary>
    public static readonly PhBenchmarkCase[] Standard =
    [
        new("sphere_3_192", "published/sphere_3_192.lower_distance_matrix", "lower-distance", 2, null),
        new("o3_1024", "published/o3_1024.txt", "point-cloud", 3, 1.8f),
        new("dragon2000", "published/dragon2000.pts", "point-cloud", 1, null),
        new("fract-r", "published/fract-r.dist", "distance", 2, null),
        new("random16_50", "published/random16_50.dist", "distance", 7, null),
        new("genus2_1000", "generated/genus2_1000.txt", "point-cloud", 2, 0.3f),
        new("torus_2000", "generated/torus_2000.txt", "point-cloud", 1, 1.0f),
        new("o3_4096", "published/o3_4096.txt", "point-cloud", 3, 1.4f),
    ];

    public string Parameters => $"H<={Dimension}" + (Threshold is float t ? $" t{t.ToString(CultureInfo.InvariantCulture)}" : "");

    /// <summary>The arguments ripser and <c>topo ph</c> share.</summary>
    public List<string> CommonArguments(string dataFolder)
    {
        var args = new List<string> { "--format", Format, "--dim", Dimension.ToString(CultureInfo.InvariantCulture) };
        if (Threshold is float t) args.AddRange(["--threshold", t.ToString("R", CultureInfo.InvariantCulture)]);
        args.Add(Path.Combine(dataFolder, RelativePath));
        return args;
    }
}
