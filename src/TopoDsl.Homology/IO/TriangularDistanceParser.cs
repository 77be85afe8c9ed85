using System.Runtime.CompilerServices;
using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Parses a strict lower or upper triangle as one stream of entries (line breaks are not significant, as in
/// ripser); the number of entries must be n(n-1)/2 for some number of points n.
/// </summary>
internal static class TriangularDistanceParser
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DistanceMatrix Parse(TextReader reader, string source, DistanceMatrixLayout layout)
    {
        var input = new TextInput(reader, source);
        var entries = new List<float>();
        int lastDataLine = 0;
        while (input.TryReadDataLine(out var line))
        {
            lastDataLine = input.Line;
            var tokens = new Tokens(line);
            while (tokens.TryNext(out var token))
            {
                float value = input.ParseValue(token);
                if (value < 0) throw input.NegativeDistance(token, $"entry {entries.Count + 1}");
                entries.Add(value);
            }
        }
        if (entries.Count == 0) throw input.NoData();
        int points = PointsForEntryCount(entries.Count);
        if ((long)points * (points - 1) / 2 != entries.Count)
            throw input.ErrorAt(lastDataLine,
                $"found {entries.Count} entries, but a triangle of a distance matrix has n(n-1)/2 entries: " +
                $"{points * (points - 1L) / 2} for {points} points, {(points + 1L) * points / 2} for {points + 1} points");
        return new DistanceMatrix(entries.ToArray(), layout);
    }

    /// <summary>The largest n with n(n-1)/2 &lt;= count.</summary>
    private static int PointsForEntryCount(int count)
    {
        int n = (int)Math.Floor((1 + Math.Sqrt(1 + 8.0 * count)) / 2);
        while ((long)n * (n - 1) / 2 > count) n--;
        while ((long)(n + 1) * n / 2 <= count) n++;
        return n;
    }
}
