using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Sublevel;

/// <summary>The edges of a graph as two parallel arrays of vertex indices.</summary>
public sealed record EdgeList(int[] Sources, int[] Targets)
{
    public int Count => Sources.Length;
}

/// <summary>
/// An edge file: one edge "i j" per line, 0-based vertex indices separated by whitespace or a comma.
/// Blank lines and '#' comments are ignored. A file without edges is a graph of isolated vertices.
/// </summary>
public static class EdgeListFile
{
    public static EdgeList Read(string path, int vertexCount)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        var sources = new List<int>();
        var targets = new List<int>();
        foreach (var line in DataLines.Read(path))
        {
            if (line.Fields.Length != 2)
                throw new InputFormatException(path, line.Number,
                    $"expected an edge as two vertex indices 'i j', found {line.Fields.Length} fields");
            sources.Add(FieldParser.VertexIndex(path, line, line.Fields[0], vertexCount));
            targets.Add(FieldParser.VertexIndex(path, line, line.Fields[1], vertexCount));
        }
        return new EdgeList(sources.ToArray(), targets.ToArray());
    }
}
