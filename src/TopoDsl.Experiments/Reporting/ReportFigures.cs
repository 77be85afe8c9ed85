using System.Globalization;
using ScottPlot;
using TopoDsl.Experiments.Results;

namespace TopoDsl.Experiments.Reporting;

/// <summary>The report's figures for one sweep point (the runs of one cell over its seeds), each an inline SVG.</summary>
internal static class ReportFigures
{
    /// <summary>The tracked layer's neurons at the start and the end of the first seed's run.</summary>
    public static IEnumerable<(string Caption, string Svg)> Clouds(RunResult run, RunFolders folders)
    {
        var files = folders.CloudFiles(run.Cell, run.Layer);
        if (files.Count == 0) yield break;
        var start = CloudProjection.Read(files[0].Path);
        var end = CloudProjection.Read(files[^1].Path);
        if (start.Length == 0) yield break;
        var (mean, axes, label) = CloudProjection.AxesOf(start);
        foreach (var (cloud, when, color) in new[] { (start, "start", 0), (end, "end", 1) })
        {
            var (x, y) = CloudProjection.Project(cloud, mean, axes);
            var plot = Figure.Create($"{run.Cell}: neurons at the {when} (step {(when == "start" ? files[0] : files[^1]).Step})",
                axes.Length == 2 && label == "coordinates" ? "x0" : "principal axis 1", label == "coordinates" ? "x1" : "principal axis 2");
            var points = plot.Add.ScatterPoints(x, y);
            points.Color = Figure.ColorOf(color);
            points.MarkerSize = 3;
            yield return ($"Neurons of hidden layer {run.Layer} at the {when} ({label}).", Figure.Svg(plot));
        }
    }

    /// <summary>Betti numbers over steps, mean ± standard deviation over seeds, one line per dimension.</summary>
    public static (string Caption, string Svg) Betti(IReadOnlyList<RunResult> runs, bool persistent)
    {
        var series = runs.Select(r => persistent ? r.PersistentBetti : r.Betti).Where(s => s.Count > 0).ToList();
        string what = persistent ? "persistent Betti numbers" : "Betti numbers at the scale";
        var plot = Figure.Create($"{runs[0].SweepPoint}: {what}", "step", what);
        int dimensions = series.Count == 0 ? 0 : series[0][0].Values.Length;
        for (int k = 0; k < dimensions; k++)
        {
            var (steps, mean, std) = SeriesStatistics.Of(series, k);
            if (series.Count > 1)
            {
                var band = plot.Add.FillY(steps, mean.Zip(std, (m, s) => m - s).ToArray(), mean.Zip(std, (m, s) => m + s).ToArray());
                band.FillColor = Figure.ColorOf(k).WithAlpha(0.25);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(steps, mean);
            line.Color = Figure.ColorOf(k);
            line.LegendText = $"b{k}";
        }
        plot.ShowLegend();
        string caption = $"{Capitalised(what)} of hidden layer {runs[0].Layer} over training: mean over {series.Count} seed{(series.Count == 1 ? "" : "s")}" +
                         (series.Count > 1 ? ", band ± one standard deviation." : ".");
        return (caption, Figure.Svg(plot));
    }

    /// <summary>The persistence diagrams of the first seed at the start and the end; bars cut at the truncation sit on its line.</summary>
    public static IEnumerable<(string Caption, string Svg)> Diagrams(RunResult run)
    {
        if (run.Diagrams.Count == 0) yield break;
        foreach (var (diagram, scale) in new[] { (run.Diagrams[0], run.Scales[0]), (run.Diagrams[^1], run.Scales[^1]) })
        {
            var plot = Figure.Create($"{run.Cell}: persistence diagram, step {diagram.Step}", "birth", "death");
            double top = scale.Truncation;
            var diagonal = plot.Add.Line(0, 0, top, top);
            diagonal.Color = Colors.Gray;
            var cut = plot.Add.HorizontalLine(top);
            cut.Color = Colors.LightGray; // solid: Skia's SVG canvas cannot write dash patterns
            for (int k = 0; k < diagram.Bars.Length; k++)
            {
                if (diagram.Bars[k].Length == 0) continue;
                var points = plot.Add.ScatterPoints(diagram.Bars[k].Select(b => b[0]).ToArray(), diagram.Bars[k].Select(b => b[1]).ToArray());
                points.Color = Figure.ColorOf(k);
                points.MarkerSize = 5;
                points.LegendText = $"H{k}";
            }
            plot.ShowLegend();
            yield return ($"Persistence diagram of hidden layer {run.Layer} at step {diagram.Step}; the grey horizontal line is the truncation " +
                          $"{top.ToString("G4", CultureInfo.InvariantCulture)}, where bars still alive are cut.", Figure.Svg(plot));
        }
    }

    /// <summary>The batch loss of every seed over steps (log scale).</summary>
    public static (string Caption, string Svg) Loss(IReadOnlyList<RunResult> runs, RunFolders folders)
    {
        var plot = Figure.Create($"{runs[0].SweepPoint}: training loss", "step", "log10 batch loss");
        int k = 0;
        foreach (var run in runs)
        {
            string path = Path.Combine(folders.Curves(run.Cell), RunFolders.LossCurve);
            if (!File.Exists(path)) continue;
            var rows = File.ReadLines(path).Skip(1).Select(l => l.Split(',')).Where(r => r.Length == 2)
                .Select(r => (Step: double.Parse(r[0], CultureInfo.InvariantCulture), Loss: double.Parse(r[1], CultureInfo.InvariantCulture)))
                .Where(r => r.Loss > 0 && double.IsFinite(r.Loss)).ToArray();
            if (rows.Length == 0) continue;
            var line = plot.Add.Scatter(rows.Select(r => r.Step).ToArray(), rows.Select(r => Math.Log10(r.Loss)).ToArray());
            line.MarkerSize = 0;
            line.Color = Figure.ColorOf(k);
            line.LegendText = $"seed {run.Seed}";
            k++;
        }
        plot.ShowLegend();
        return ("Batch loss per step, one line per seed.", Figure.Svg(plot));
    }

    /// <summary>η K over steps for every seed, with the lines η K = 1 (η*) and 2 (edge of stability).</summary>
    public static (string Caption, string Svg) EtaTimesK(IReadOnlyList<RunResult> runs)
    {
        var plot = Figure.Create($"{runs[0].SweepPoint}: eta x K", "step", "eta x K");
        int k = 0;
        foreach (var run in runs)
        {
            var line = plot.Add.Scatter(run.Sharpness.Select(s => (double)s.Step).ToArray(), run.Sharpness.Select(s => s.Value * run.Eta).ToArray());
            line.Color = Figure.ColorOf(k++);
            line.LegendText = $"seed {run.Seed}";
        }
        foreach (double level in new[] { 1.0, 2.0 })
        {
            var h = plot.Add.HorizontalLine(level);
            h.Color = Colors.Gray;
        }
        plot.ShowLegend();
        return ("Step size times sharpness over training; grey: eta x K = 1 (the theorem's critical point) and 2 (edge of stability).", Figure.Svg(plot));
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
