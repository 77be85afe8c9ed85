using System.Globalization;
using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Writes a barcode as GUDHI-style lines <c>dim birth death</c>, one bar per line, <c>inf</c> for an essential
/// class, numbers in the shortest form that parses back to the same double. Lines end with "\n".
/// </summary>
public static class GudhiLinesWriter
{
    public static void Write(TextWriter writer, Barcode barcode)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(barcode);
        for (int dimension = 0; dimension <= barcode.MaxDimension; dimension++)
            foreach (var bar in barcode[dimension])
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{dimension} {bar.Birth:R} "));
                writer.Write(bar.IsEssential ? "inf" : bar.Death.ToString("R", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
    }

    public static string ToText(Barcode barcode)
    {
        var text = new StringWriter();
        Write(text, barcode);
        return text.ToString();
    }
}
