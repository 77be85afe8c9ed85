using System.Globalization;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// Writes the bars of a SublevelResult as text, one "birth death" line per bar in the order of
/// SublevelResult.Bars, "inf" for an essential bar's death; numbers round-trip to the same double. With paths,
/// a '#' header follows and then one line per finite bar: "dying -> surviving over saddle: v v v", the minimax
/// path's vertices from the dying minimum to the surviving one ("over edge u-v" on a graph whose edges carry their own values).
/// </summary>
public static class SublevelText
{
    public static void Write(SublevelResult result, TextWriter output, bool paths = false)
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
        if (!paths) return;
        output.Write("# paths: dying minimum -> surviving minimum over the saddle: the vertices from one to the other\n");
        for (int i = 0; i < result.Merges.Count; i++)
        {
            var merge = result.Merges[i];
            string over = result.Saddles[i] >= 0 ? result.Saddles[i].ToString(CultureInfo.InvariantCulture) : $"edge {merge.EdgeSource}-{merge.EdgeTarget}";
            output.Write(string.Create(CultureInfo.InvariantCulture, $"{merge.DyingMinimum} -> {merge.SurvivingMinimum} over {over}:"));
            foreach (int vertex in result.MinimaxPath(merge.DyingMinimum, merge.SurvivingMinimum))
            {
                output.Write(' ');
                output.Write(vertex.ToString(CultureInfo.InvariantCulture));
            }
            output.Write('\n');
        }
    }

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
