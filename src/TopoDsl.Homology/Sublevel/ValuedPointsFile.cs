using TopoDsl.Homology.IO;
using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.Sublevel;

/// <summary>Points with one function value each.</summary>
public sealed record ValuedPoints(PointCloud Points, double[] Values);

/// <summary>
/// A points file for sublevel persistence: one point per line, its coordinates followed by its function value,
/// separated by whitespace or commas; every line has the same number of fields (at least two). Blank lines and
/// '#' comments are ignored. Coordinates are stored in single precision, values in double precision.
/// </summary>
public static class ValuedPointsFile
{
    public static ValuedPoints Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var coordinates = new List<float>();
        var values = new List<double>();
        DataLine? first = null;
        foreach (var line in DataLines.Read(path))
        {
            first ??= line;
            int width = first.Value.Fields.Length;
            if (width < 2)
                throw new InputFormatException(path, line.Number,
                    "expected coordinates followed by a value, found a single field");
            if (line.Fields.Length != width)
                throw new InputFormatException(path, line.Number,
                    $"ragged row: {line.Fields.Length} fields, but line {first.Value.Number} has {width}");
            for (int c = 0; c < width - 1; c++)
                coordinates.Add(Coordinate(path, line, c));
            values.Add(FieldParser.Finite(path, line, line.Fields[^1], "value"));
        }
        if (first is null) throw new InputFormatException(path, null, "no points: the file is empty or only comments");
        return new ValuedPoints(new PointCloud(coordinates.ToArray(), first.Value.Fields.Length - 1), values.ToArray());
    }

    private static float Coordinate(string path, DataLine line, int c)
    {
        double x = FieldParser.Finite(path, line, line.Fields[c], $"coordinate {c}");
        float single = (float)x;
        if (!float.IsFinite(single))
            throw new InputFormatException(path, line.Number, $"coordinate {c} '{TextInput.Quote(line.Fields[c])}' is too large for single precision");
        return single;
    }
}
