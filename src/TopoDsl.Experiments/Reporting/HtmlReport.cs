using System.Globalization;
using System.Net;
using System.Text;
using TopoDsl.Experiments.Hosting;
using TopoDsl.Experiments.Results;
using TopoDsl.Homology.IO;

namespace TopoDsl.Experiments.Reporting;

/// <summary>
/// <c>report.html</c>: one self-contained file (inline SVG figures, inline style, no script, no external reference)
/// that opens offline: what was run, the table of runs, per sweep point the neuron clouds, Betti curves,
/// persistence diagrams, loss and η K, and the loss-landscape analyses when declared.
/// </summary>
public static class HtmlReport
{
    /// <summary>Writes the report for <paramref name="results"/>, reading clouds and curves from <paramref name="folders"/>.</summary>
    public static void Write(string path, ExperimentResults results, RunFolders folders)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(results.Experiment)).Append("</title>\n<style>")
            .Append("body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;font-size:13px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f3f3f3}")
            .Append(".figures{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;width:480px}figcaption{font-size:12px;color:#444}")
            .Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(results.Experiment)).Append("</h1>\n<p>").Append(E(results.Description)).Append("</p>\n<ul>")
            .Append("<li>network: ").Append(E(results.Network)).Append("</li><li>initial neurons: ").Append(E(results.Initialisation))
            .Append(results.ExpectedBetti is { } b ? $" (Betti numbers {string.Join(", ", b)})" : "").Append("</li><li>update rule: ")
            .Append(E(results.Optimizer)).Append("</li>");
        if (results.Quick) html.Append("<li><strong>quick run</strong>: a smaller version of the declared experiment ([Quick]: fewer steps and seeds, and neurons where it says so)</li>");
        if (results.Runs.FirstOrDefault() is { } first)
            html.Append("<li>topology: ").Append(E(first.Topology.Coordinates)).Append(" coordinates, ").Append(E(first.Topology.Sampling))
                .Append(", persistent bars at least ").Append(RunCells.Number(first.Topology.PersistentFraction)).Append(" x diameter, Z/").Append(first.Topology.Modulus)
                .Append("</li><li>sharpness K on ").Append(E(first.SharpnessData)).Append("</li>");
        html.Append("</ul>\n<h2>Runs</h2>\n");
        Table(html, results);
        html.Append("<ul>");
        foreach (var line in RunSummary.Of(results)) html.Append("<li>").Append(E(line)).Append("</li>");
        html.Append("</ul>\n");
        foreach (var group in results.Runs.GroupBy(r => r.SweepPoint))
        {
            var runs = group.ToList();
            html.Append("<h2>").Append(E(group.Key.Length == 0 ? "all runs" : group.Key)).Append("</h2>\n<div class=\"figures\">\n");
            var figures = ReportFigures.Clouds(runs[0], folders)
                .Append(ReportFigures.Betti(runs, persistent: true))
                .Append(ReportFigures.Betti(runs, persistent: false))
                .Concat(ReportFigures.Diagrams(runs[0]))
                .Append(ReportFigures.Loss(runs, folders))
                .Append(ReportFigures.EtaTimesK(runs));
            foreach (var (caption, svg) in figures)
                html.Append("<figure>").Append(svg).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
            html.Append("</div>\n");
        }
        if (results.Landscape is { } landscape) Landscape(html, landscape);
        html.Append("</body></html>\n");
        AtomicFile.WriteAllText(path, writer => writer.Write(html.ToString()));
    }

    private static void Landscape(StringBuilder html, LandscapeResults landscape)
    {
        html.Append("<h2>Loss landscape</h2>\n<ul>");
        foreach (var line in LandscapeSummary.Of(landscape)) html.Append("<li>").Append(E(line)).Append("</li>");
        html.Append("</ul>\n<div class=\"figures\">\n");
        var figures = landscape.Minima.SelectMany(m => new[] { LandscapeFigures.Barcode(m), LandscapeFigures.Profiles(m), LandscapeFigures.MinimaMatrix(m) })
            .Concat(landscape.Homotopy is { } h ? [LandscapeFigures.HomotopyMatrix(h), LandscapeFigures.ClassesByTolerance(h)] : [])
            .Concat(landscape.Fits.Select(LandscapeFigures.Fit))
            .Concat(landscape.Slices.Select(LandscapeFigures.Slice));
        foreach (var (caption, svg) in figures)
            html.Append("<figure>").Append(svg).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
        html.Append("</div>\n");
        if (landscape.Homotopy?.Accuracy is { } accuracy)
        {
            html.Append("<table><tr><th>class</th><th>runs</th><th>mean test accuracy</th><th>spread</th></tr>\n");
            foreach (var c in accuracy)
                html.Append("<tr><td>").Append(c.Class).Append("</td><td>").Append(c.Runs).Append("</td><td>")
                    .Append(c.Mean.ToString("P2", CultureInfo.InvariantCulture)).Append("</td><td>").Append(c.Spread.ToString("P2", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            html.Append("</table>\n");
        }
    }

    private static void Table(StringBuilder html, ExperimentResults results)
    {
        var columns = new List<(string Header, Func<RunResult, string> Cell)>
        {
            ("run", run => run.Cell), ("eta", run => RunCells.Number(run.Eta)), ("eta x K", run => RunCells.Number(run.EtaTimesK)), ("phase", run => run.Phase),
            ("Betti start", run => RunCells.At(run.Betti, 0)), ("Betti end", run => RunCells.Last(run, run.Betti)),
            ("persistent start", run => RunCells.At(run.PersistentBetti, 0)), ("persistent end", run => RunCells.Last(run, run.PersistentBetti)),
            ("preserved", RunCells.Preserved),
            ("certificate", run => RunCells.Certificate(run.Certificate) + (run.Certificate.Applies ? "" : ": " + string.Join("; ", run.Certificate.Reasons))),
            ("K_hat", RunCells.KHat), ("merges", run => run.Certificate.MergeEvents?.ToString(CultureInfo.InvariantCulture) ?? "-"),
            ("test loss", run => RunCells.Number(run.TestLoss)),
        };
        if (results.Runs.Any(run => run.TestAccuracy is not null))
            columns.Add(("test accuracy", run => run.TestAccuracy is double a ? a.ToString("P2", CultureInfo.InvariantCulture) : "-"));
        html.Append("<table><tr>");
        foreach (var (header, _) in columns) html.Append("<th>").Append(E(header)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var run in results.Runs)
        {
            html.Append("<tr>");
            foreach (var (_, cell) in columns) html.Append("<td>").Append(E(cell(run))).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
