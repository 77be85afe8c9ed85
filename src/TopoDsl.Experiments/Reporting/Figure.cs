using ScottPlot;

namespace TopoDsl.Experiments.Reporting;

/// <summary>One ScottPlot figure rendered as inline SVG for the report, with a caption.</summary>
internal static class Figure
{
    public const int Width = 480, Height = 360;

    /// <summary>A new plot with the report's style: title and axis labels.</summary>
    public static Plot Create(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title, 13);
        plot.XLabel(x, 12);
        plot.YLabel(y, 12);
        return plot;
    }

    /// <summary>The plot as an &lt;svg&gt; element sized for the report's grid.</summary>
    public static string Svg(Plot plot) => plot.GetSvgXml(Width, Height);

    /// <summary>The colours of series k (ScottPlot's default category palette).</summary>
    public static Color ColorOf(int k) => new ScottPlot.Palettes.Category10().GetColor(k);
}
