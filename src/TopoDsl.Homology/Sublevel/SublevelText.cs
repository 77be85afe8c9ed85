using System.Globalization;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// Writes the bars of a SublevelResult as text, one "birth death" line per bar in the order of
/// SublevelResult.Bars, "inf" for an essential bar's death; numbers round-trip to the same double.
/// </summary>
public static class SublevelText
{
    public static void Write(SublevelResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var bar in result.Bars)
        {
            output.Write(Format(bar.Birth));
            output.Write(' ');
            output.Write(bar.IsEssential ? "inf" : Format(bar.Death));
            output.Write('\n');
        }
    }

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
