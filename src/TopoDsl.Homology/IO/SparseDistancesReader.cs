using System.Runtime.CompilerServices;
using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Reads the <c>sparse</c> format: one edge <c>i j d</c> per line (fields separated by whitespace and/or commas),
/// vertices numbered from 0; the vertex count is the largest index + 1. As in ripser, a line <c>i i d</c>
/// (a loop) is ignored: it adds neither an edge nor a vertex. Blank lines and <c>#</c> comment lines are skipped.
/// </summary>
public static class SparseDistancesReader
{
    /// <param name="path">A file, or "-" for standard input.</param>
    /// <exception cref="InputFormatException">The file is missing, unreadable, empty or malformed.</exception>
    public static SparseDistances Read(string path) => InputSource.Read(path, Read);

    /// <param name="source">The name used in error messages.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SparseDistances Read(TextReader reader, string source)
    {
        var input = new TextInput(reader, source);
        var sources = new List<int>();
        var targets = new List<int>();
        var distances = new List<float>();
        int vertexCount = 0;
        bool anyLine = false;
        while (input.TryReadDataLine(out var line))
        {
            anyLine = true;
            var (i, j, d) = ParseEdge(input, line);
            if (i == j) continue;
            sources.Add(i);
            targets.Add(j);
            distances.Add(d);
            vertexCount = Math.Max(vertexCount, Math.Max(i, j) + 1);
        }
        if (!anyLine) throw input.NoData();
        return new SparseDistances(vertexCount, sources.ToArray(), targets.ToArray(), distances.ToArray());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int I, int J, float D) ParseEdge(TextInput input, ReadOnlySpan<char> line)
    {
        var tokens = new Tokens(line);
        int fields = 0;
        int i = 0, j = 0;
        float d = 0;
        while (tokens.TryNext(out var token))
        {
            switch (fields++)
            {
                case 0: i = input.ParseVertexIndex(token); break;
                case 1: j = input.ParseVertexIndex(token); break;
                case 2:
                    d = input.ParseValue(token);
                    if (d < 0) throw input.NegativeDistance(token, $"the distance of edge ({i},{j})");
                    break;
            }
        }
        if (fields != 3) throw input.Error($"expected 3 fields 'i j d', found {fields}");
        return (i, j, d);
    }
}
