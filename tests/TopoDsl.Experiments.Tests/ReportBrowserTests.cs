using System.Text.Json;
using System.Text.RegularExpressions;
using TopoDsl.Experiments.Reporting;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Tests;

/// <summary>report.html opened in headless Chromium: every figure is laid out with a size and draws its marks.</summary>
public sealed class ReportBrowserTests
{
    // Appended to a copy of the report (which has no script of its own): measures each figure once laid out.
    private const string Probe = """
        <script>
        const figures = [...document.querySelectorAll('figure')].map(f => {
          const svg = f.querySelector('svg');
          const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
          const marks = svg ? svg.querySelectorAll('path, line, polyline, polygon, circle, ellipse, rect').length : 0;
          const text = svg ? svg.querySelectorAll('text').length : 0;
          return { caption: f.querySelector('figcaption')?.textContent ?? '', width: box.width, height: box.height, marks, text };
        });
        const out = document.createElement('pre');
        out.id = 'probe';
        out.textContent = JSON.stringify({ tables: document.querySelectorAll('table tr').length, figures });
        document.body.appendChild(out);
        </script>
        """;

    [ChromiumFact]
    public void Every_figure_of_the_report_renders_in_a_real_browser()
    {
        using var folder = new TempFolder();
        var experiment = new ResolvedExperiment(TinyExperiments.FigureEight(neurons: 32, epochs: 2, samples: 300, seeds: 2), quick: false);
        var results = ExperimentRunner.Run(experiment, folder.Path, 1, RunObservers.None);
        var folders = new RunFolders(folder.Path);
        HtmlReport.Write(folders.Report, results, folders);
        string html = File.ReadAllText(folders.Report);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(http|//)"), html); // self-contained: nothing to fetch
        string probe = Path.Combine(folder.Path, "probe.html");
        File.WriteAllText(probe, html.Replace("</body>", Probe + "</body>"));

        var (code, dom, errors) = OracleTools.Run(OracleTools.FindExecutable("chromium")!,
            ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", new Uri(probe).AbsoluteUri], timeoutSeconds: 120);
        Assert.True(code == 0, errors);
        var json = Regex.Match(dom, "<pre id=\"probe\">(.*?)</pre>", RegexOptions.Singleline).Groups[1].Value;
        using var report = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(json));
        Assert.Equal(1 + results.Runs.Count, report.RootElement.GetProperty("tables").GetInt32());

        var figures = report.RootElement.GetProperty("figures").EnumerateArray().ToList();
        // Per sweep point: start and end clouds, two Betti curves, two diagrams, loss, eta x K.
        Assert.Equal(8 * experiment.Definition.Sweep[0].Values.Count, figures.Count);
        foreach (var figure in figures)
        {
            string caption = figure.GetProperty("caption").GetString()!;
            Assert.True(figure.GetProperty("width").GetDouble() >= 300, $"{caption}: not laid out");
            Assert.True(figure.GetProperty("height").GetDouble() >= 200, $"{caption}: not laid out");
            Assert.True(figure.GetProperty("marks").GetInt32() >= 5, $"{caption}: draws nothing");
            Assert.True(figure.GetProperty("text").GetInt32() >= 3, $"{caption}: no title or tick labels");
        }
    }
}
