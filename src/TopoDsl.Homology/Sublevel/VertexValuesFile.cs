using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// A vertex-value file: one finite number per line, the value of vertex 0, 1, 2, ... in order.
/// Blank lines and '#' comments are ignored.
/// </summary>
public static class VertexValuesFile
{
    public static double[] Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var values = new List<double>();
        foreach (var line in DataLines.Read(path))
        {
            if (line.Fields.Length != 1)
                throw new InputFormatException(path, line.Number,
                    $"expected one value per line, found {line.Fields.Length} fields");
            values.Add(FieldParser.Finite(path, line, line.Fields[0], "value"));
        }
        if (values.Count == 0) throw new InputFormatException(path, null, "no values: the file is empty or only comments");
        return values.ToArray();
    }
}
