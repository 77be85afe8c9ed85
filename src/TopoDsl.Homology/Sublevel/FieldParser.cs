using System.Globalization;
using TopoDsl.Homology.IO;
using TopoDsl.Text;

namespace TopoDsl.Homology.Sublevel;

internal static class FieldParser
{
    /// <summary>A finite double; `what` names the field in messages ("value", "coordinate 2").</summary>
    public static double Finite(string path, DataLine line, string field, string what)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
            throw new InputFormatException(path, line.Number, NotA(what, field, "a number"));
        if (!double.IsFinite(x))
            throw new InputFormatException(path, line.Number, $"{what} '{TextInput.Quote(field)}' is not finite");
        return x;
    }

    /// <summary>A vertex index in 0..vertexCount-1.</summary>
    public static int VertexIndex(string path, DataLine line, string field, int vertexCount)
    {
        if (!long.TryParse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long index))
            throw new InputFormatException(path, line.Number, NotA("field", field, "a vertex index (a whole number from 0)"));
        if (index < 0 || index >= vertexCount)
            throw new InputFormatException(path, line.Number,
                $"edge {PrintableText.Escape(string.Join(' ', line.Fields))} names vertex {index}, but {VertexRange(vertexCount)}");
        return (int)index;
    }

    private static string NotA(string what, string field, string expected) => PrintableText.LooksBinary(field)
        ? $"{what} is binary data '{TextInput.Quote(field)}', not {expected} (is this a text file?)"
        : $"{what} '{TextInput.Quote(field)}' is not {expected}";

    private static string VertexRange(int count) =>
        count == 0 ? "the graph has no vertices" : $"the graph has {count} vertices (0..{count - 1})";
}
