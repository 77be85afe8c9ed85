using System.Globalization;
using TopoDsl.Homology.IO;
using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.Tests.IO;

/// <summary>
/// One small random metric written in every input format (a point cloud with a duplicated point, so that the
/// value range starts at 0, and its distances as full, lower, upper and sparse matrices).
/// </summary>
internal sealed class RipserOracleInputs
{
    public RipserOracleInputs(TempFolder folder, int seed = 5, int points = 9, int dimension = 3)
    {
        var random = new Random(seed);
        var coordinates = Enumerable.Range(0, (points - 1) * dimension)
            .Select(_ => MathF.Round((float)random.NextDouble() * 2, 3)).ToList();
        coordinates.AddRange(coordinates.Take(dimension)); // the last point repeats the first
        var cloud = new PointCloud(coordinates.ToArray(), dimension);
        var d = new float[points, points];
        for (int i = 0; i < points; i++)
            for (int j = 0; j < points; j++)
                d[i, j] = i == j ? 0 : cloud.Distance(i, j);
        var sorted = Enumerable.Range(0, points).SelectMany(i => Enumerable.Range(0, i).Select(j => d[i, j])).Order().ToArray();
        Threshold = F(sorted[sorted.Length / 2]);

        Files[InputFormat.PointCloud] = folder.File(Rows(points, i => coordinates.Skip(i * dimension).Take(dimension), " "), "points.txt");
        Files[InputFormat.Distance] = folder.File(Rows(points, i => Enumerable.Range(0, points).Select(j => d[i, j]), " "), "full.txt");
        Files[InputFormat.LowerDistance] = folder.File(Rows(points, i => Enumerable.Range(0, i).Select(j => d[i, j]), ","), "lower.txt");
        Files[InputFormat.UpperDistance] = folder.File(
            Rows(points, i => Enumerable.Range(i + 1, points - i - 1).Select(j => d[i, j]), " "), "upper.txt");
        var edges = Enumerable.Range(0, points).SelectMany(i => Enumerable.Range(i + 1, points - i - 1)
            .Where(j => d[i, j] <= sorted[sorted.Length * 2 / 3]).Select(j => $"{i} {j} {F(d[i, j])}"));
        Files[InputFormat.Sparse] = folder.File(string.Join("\n", edges) + "\n", "sparse.txt");
    }

    public Dictionary<InputFormat, string> Files { get; } = [];

    /// <summary>The median distance, as text: passed to ripser and parsed by us alike.</summary>
    public string Threshold { get; }

    private static string F(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Rows(int count, Func<int, IEnumerable<float>> row, string separator) =>
        string.Concat(Enumerable.Range(0, count).Select(i => string.Join(separator, row(i).Select(F)) + "\n"));
}
