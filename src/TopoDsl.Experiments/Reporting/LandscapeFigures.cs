using System.Globalization;
using ScottPlot;
using TopoDsl.Experiments.Results;

namespace TopoDsl.Experiments.Reporting;

/// <summary>The report's loss-landscape figures, each an inline SVG with its caption.</summary>
internal static class LandscapeFigures
{
    /// <summary>A run's slice as a heat map of log10 loss, its minima (white dots outlined in black) and saddles (red crosses).</summary>
    public static (string Caption, string Svg) Slice(SliceResult slice)
    {
        int n = slice.Resolution;
        double step = 2 * slice.Span / (n - 1);
        // Row 0 of a heat map is drawn at the top; the slice's row 0 is the lowest beta.
        var intensities = new double[n, n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) intensities[n - 1 - r, c] = Math.Log10(Math.Max(slice.Losses[r][c], 1e-300));
        var plot = Figure.Create("training loss around the trained network (log10)", "alpha (direction 1)", "beta (direction 2)");
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        // Cells as rectangles: a bitmap placed in a rectangle is not drawn where it belongs in ScottPlot's SVG output.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();
        heatmap.Rectangle = new CoordinateRect(-slice.Span - step / 2, slice.Span + step / 2, -slice.Span - step / 2, slice.Span + step / 2);
        plot.Add.ColorBar(heatmap);
        double Coefficient(int index) => -slice.Span + step * index;
        var minima = plot.Add.ScatterPoints(slice.Minima.Select(m => Coefficient(m.Column)).ToArray(), slice.Minima.Select(m => Coefficient(m.Row)).ToArray());
        // Outlined, so that the legend's white background shows the marker too.
        minima.Color = Colors.White;
        minima.MarkerShape = MarkerShape.FilledCircle;
        minima.MarkerStyle.OutlineColor = Colors.Black;
        minima.MarkerStyle.OutlineWidth = 1;
        minima.MarkerSize = 7;
        minima.LegendText = "minima";
        if (slice.Saddles.Count > 0)
        {
            var saddles = plot.Add.ScatterPoints(slice.Saddles.Select(s => Coefficient(s.Column)).ToArray(), slice.Saddles.Select(s => Coefficient(s.Row)).ToArray());
            saddles.Color = Colors.Red;
            saddles.MarkerShape = MarkerShape.Cross;
            saddles.MarkerSize = 7;
            saddles.LegendText = "saddles";
        }
        plot.ShowLegend();
        return ($"log10 of the training loss ({slice.Samples} samples) on a {n} x {n} slice through the trained network of {slice.Cell} along two " +
                $"filter-normalised random directions; {slice.Minima.Count} minima, {slice.Saddles.Count} saddles, total persistence {RunCells.Number(slice.TotalPersistence)}.",
            Figure.Svg(plot));
    }

    /// <summary>The barcode of minima: each minimum's segment from its loss up to its saddle, minima ordered by loss.</summary>
    public static (string Caption, string Svg) Barcode(MinimaResult minima)
    {
        string point = minima.SweepPoint.Length == 0 ? "all runs" : minima.SweepPoint;
        var plot = Figure.Create($"{point}: barcode of minima", "minimum (ordered by loss)", "training loss");
        var order = Enumerable.Range(0, minima.Losses.Length).OrderBy(m => minima.Losses[m]).ToList();
        var lowestOfGroup = minima.GroupMinima.ToHashSet();
        double top = minima.Losses.Min() + Math.Max(minima.LossRange, 1e-12) * 1.1;
        for (int k = 0; k < order.Count; k++)
        {
            int m = order[k];
            var segment = minima.Segments.FirstOrDefault(s => s.Minimum == m);
            // A minimum without a segment either leads its group (its bar never dies) or slides into a lower one at its own loss.
            if (segment is null && !lowestOfGroup.Contains(m)) continue;
            var line = plot.Add.Line(k, minima.Losses[m], k, segment?.Saddle ?? top);
            line.LineWidth = 6;
            line.Color = segment is null ? Colors.Gray : Figure.ColorOf(0);
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, order.Count).Select(k => (double)k).ToArray(), order.Select(m => m.ToString(CultureInfo.InvariantCulture)).ToArray());
        var bottoms = plot.Add.ScatterPoints(Enumerable.Range(0, order.Count).Select(k => (double)k).ToArray(), order.Select(m => minima.Losses[m]).ToArray());
        bottoms.Color = Colors.Black;
        bottoms.MarkerSize = 5;
        return ($"Each trained network of {point} is a minimum ({Numbered(minima.Cells)}); its segment runs from its loss to the lowest saddle over which it reaches a lower minimum " +
                $"(through other minima where that is lower). Grey: the lowest minimum of its connected group, which no lower minimum absorbs; a dot alone: the path to a lower minimum never rises above the minimum's own loss. TO-score (L2) {RunCells.Number(minima.Scores.GetValueOrDefault("L2"))}.",
            Figure.Svg(plot));
    }

    /// <summary>The loss along every AutoNEB path of a sweep point.</summary>
    public static (string Caption, string Svg) Profiles(MinimaResult minima)
    {
        string point = minima.SweepPoint.Length == 0 ? "all runs" : minima.SweepPoint;
        var plot = Figure.Create($"{point}: loss along the minimum-energy paths", "position along the path", "training loss");
        int k = 0;
        foreach (var path in minima.Paths)
        {
            var line = plot.Add.Scatter(path.Positions, path.ProfileLosses);
            line.MarkerSize = 0;
            line.Color = Figure.ColorOf(k++);
        }
        return ($"The loss along each of the {minima.Paths.Count} AutoNEB paths between pairs of minima of {point}, evaluated densely between the images; " +
                "its highest point is the pair's barrier.", Figure.Svg(plot));
    }

    /// <summary>A matrix of pairwise values as a heat map (NaN cells blank), rows and columns in the given order, labelled by run.</summary>
    public static string Matrix(string title, double[][] values, IReadOnlyList<int> order)
    {
        int n = order.Count;
        var intensities = new double[n, n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) intensities[r, c] = values[order[r]][order[c]];
        var plot = Figure.Create(title, "", "");
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.White;
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles(); // sharp cells in SVG, where a bitmap is scaled smoothly
        // Cell (r, c) centred on x = c and y = n - 1 - r: row 0 is drawn at the top.
        heatmap.Rectangle = new CoordinateRect(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Add.ColorBar(heatmap);
        double[] positions = Enumerable.Range(0, n).Select(k => (double)k).ToArray();
        // At most about a dozen labels per axis, so that they stay readable for many runs.
        int every = (n + 11) / 12;
        string[] labels = order.Select((k, at) => at % every == 0 ? k.ToString(CultureInfo.InvariantCulture) : "").ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels.Reverse().ToArray());
        return Figure.Svg(plot);
    }

    /// <summary>The homotopy barriers, runs grouped by class.</summary>
    public static (string Caption, string Svg) HomotopyMatrix(HomotopyClassesResult homotopy)
    {
        var order = Enumerable.Range(0, homotopy.Cells.Count).OrderBy(i => homotopy.Classes[i]).ThenBy(i => i).ToList();
        string classes = string.Join("; ", order.GroupBy(i => homotopy.Classes[i]).Select(g => $"class {g.Key}: runs {string.Join(", ", g)}"));
        return ($"Barrier of the straight-line homotopy between each pair of training paths (its highest loss above the higher of the two paths' highest " +
                $"losses), runs ({Numbered(homotopy.Cells)}) ordered by class; at tolerance {RunCells.Number(homotopy.Tolerance)}: {classes}.",
            Matrix("homotopy barriers between training paths", homotopy.Barriers, order));
    }

    /// <summary>The barriers between minima of a sweep point.</summary>
    public static (string Caption, string Svg) MinimaMatrix(MinimaResult minima)
    {
        string point = minima.SweepPoint.Length == 0 ? "all runs" : minima.SweepPoint;
        var order = Enumerable.Range(0, minima.Cells.Count).ToList();
        return ($"Barriers between the minima of {point} (the diagonal is each minimum's loss; blank: the pair was not connected, as the spanning-tree " +
                $"search did not need it). Minima: {Numbered(minima.Cells)}.", Matrix($"{point}: barriers between minima", minima.Barriers, order));
    }

    /// <summary>The class count as the tolerance grows.</summary>
    public static (string Caption, string Svg) ClassesByTolerance(HomotopyClassesResult homotopy)
    {
        var plot = Figure.Create("homotopy classes against the tolerance", "tolerance (loss)", "classes");
        var rows = homotopy.ClassesByTolerance;
        if (rows.Length > 0)
        {
            var xs = new List<double> { Math.Min(0, rows[0][0]) };
            var ys = new List<double> { homotopy.Cells.Count };
            foreach (var row in rows)
            {
                xs.Add(row[0]); ys.Add(ys[^1]);
                xs.Add(row[0]); ys.Add(row[1]);
            }
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            line.MarkerSize = 0;
        }
        return ("The number of homotopy classes at each tolerance: paths join a class when their barrier is at most the tolerance.", Figure.Svg(plot));
    }

    /// <summary>The gap against total persistence, with the fitted line.</summary>
    public static (string Caption, string Svg) Fit(GeneralisationFitResult fit)
    {
        var plot = Figure.Create($"{fit.Gap} against total persistence", "total persistence of the loss slice", fit.Gap);
        var points = plot.Add.ScatterPoints(fit.TotalPersistence, fit.Gaps);
        points.MarkerSize = 6;
        double low = fit.TotalPersistence.Min(), high = fit.TotalPersistence.Max();
        var line = plot.Add.Line(low, fit.Intercept + fit.Slope * low, high, fit.Intercept + fit.Slope * high);
        line.Color = Colors.Red;
        string N(double v) => RunCells.Number(v);
        return ($"One point per run. Least-squares line: gap = {N(fit.Slope)} x TP + {N(fit.Intercept)}, R^2 = {N(fit.RSquared)}; slope " +
                $"{N(fit.SlopeLow)} to {N(fit.SlopeHigh)} at {fit.Confidence.ToString("P0", CultureInfo.InvariantCulture)} confidence. Tamim claims R^2 = 0.82 (ResNet-18, CIFAR-10).",
            Figure.Svg(plot));
    }

    private static string Numbered(IReadOnlyList<string> cells) => string.Join(", ", cells.Select((cell, k) => $"{k}: {cell}"));
}
