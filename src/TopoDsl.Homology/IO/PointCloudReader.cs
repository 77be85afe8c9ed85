using System.Runtime.CompilerServices;
using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Reads the <c>point-cloud</c> format: one point per line, coordinates separated by whitespace and/or commas,
/// every point with as many coordinates as the first. Blank lines and <c>#</c> comment lines are skipped.
/// </summary>
public static class PointCloudReader
{
    /// <param name="path">A file, or "-" for standard input.</param>
    /// <exception cref="InputFormatException">The file is missing, unreadable, empty or malformed.</exception>
    public static PointCloud Read(string path) => InputSource.Read(path, Read);

    /// <param name="source">The name used in error messages.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PointCloud Read(TextReader reader, string source)
    {
        var input = new TextInput(reader, source);
        var coordinates = new List<float>();
        int dimension = 0, firstLine = 0, points = 0;
        while (input.TryReadDataLine(out var line))
        {
            int count = 0;
            var tokens = new Tokens(line);
            while (tokens.TryNext(out var token))
            {
                coordinates.Add(input.ParseValue(token));
                count++;
            }
            if (count == 0) throw input.Error("the line has separators but no coordinates");
            if (points == 0)
            {
                dimension = count;
                firstLine = input.Line;
            }
            else if (count != dimension)
                throw input.Error(
                    $"point {points + 1} has {count} coordinates but the first point (line {firstLine}) has {dimension}");
            points++;
        }
        if (points == 0) throw input.NoData();
        return new PointCloud(coordinates.ToArray(), dimension);
    }
}
