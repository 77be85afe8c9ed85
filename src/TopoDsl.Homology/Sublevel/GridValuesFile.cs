using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// A grid-values file: the values of a regular grid in row-major order (the last axis fastest), separated by
/// whitespace, commas or line ends in any layout, so that numpy's <c>savetxt</c> of a 2-D array reads as it looks.
/// Blank lines and '#' comments are ignored.
/// </summary>
public static class GridValuesFile
{
    public static double[] Read(string path, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (shape.Length == 0) throw new ArgumentException("the grid's shape is empty; give one size per axis", nameof(shape));
        long expected = 1;
        foreach (int size in shape)
        {
            if (size < 1) throw new ArgumentException($"a grid of shape {Shape(shape)}: sizes must be 1 or more", nameof(shape));
            expected *= size;
            if (expected > Array.MaxLength) throw new ArgumentException($"a grid of shape {Shape(shape)} has more points than one array holds", nameof(shape));
        }
        var values = new List<double>();
        foreach (var line in DataLines.Read(path))
            foreach (var field in line.Fields)
            {
                if (values.Count == expected)
                    throw new InputFormatException(path, line.Number, $"more than the {expected} values of a grid of shape {Shape(shape)}");
                values.Add(FieldParser.Finite(path, line, field, "value"));
            }
        if (values.Count != expected)
            throw new InputFormatException(path, null, $"{values.Count} values, but a grid of shape {Shape(shape)} has {expected}");
        return values.ToArray();
    }

    private static string Shape(ReadOnlySpan<int> shape) => string.Join(" x ", shape.ToArray());
}
