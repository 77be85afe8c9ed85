using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TopoDsl.Cli.Bench;
using TopoDsl.Homology.IO;
using TopoDsl.Landscape.Slices;
using TopoDsl.Training.Data;
using TopoDsl.Training.LinearAlgebra;
using TopoDsl.Training.Modules;

namespace TopoDsl.Cli.Commands;

/// <summary>
/// <c>topo bench slice</c>: a 2-D loss slice of a 784-256-10 MLP on Fashion-MNIST test images, computed by TopoDsl and
/// by PyTorch in one run, with both times, their ratio and how far the two grids' losses differ.
/// </summary>
internal static class SliceBenchCommand
{
    private static readonly int[] Widths = [784, 256, 10];
    private const double Target = 0.5;

    private sealed record Row(int Threads, double TopoSeconds, double? TorchSeconds, double? LargestRelativeDifference);

    public static Command Create()
    {
        var threads = new Option<string>("--threads") { Description = "comma-separated thread counts", DefaultValueFactory = _ => "1,2" };
        var resolution = new Option<int>("--resolution") { Description = "grid points per axis", DefaultValueFactory = _ => 51 };
        var samples = new Option<int>("--samples") { Description = "Fashion-MNIST test images the loss is measured on (at most 10000)", DefaultValueFactory = _ => 10_000 };
        var json = new Option<string?>("--json") { Description = "also write the measurements as JSON to this file" };
        var command = new Command("slice", "a 2-D loss slice (51 x 51, 784-256-10 MLP, 10,000 Fashion-MNIST images) by TopoDsl against PyTorch")
        {
            threads, resolution, samples, json,
        };
        command.SetAction(parse => Run(ThreadList.Parse(parse.GetValue(threads)!, "--threads"), parse.GetValue(resolution), parse.GetValue(samples), parse.GetValue(json)));
        return command;
    }

    private static int Run(List<int> threadCounts, int resolution, int samples, string? jsonPath)
    {
        if (resolution < 2) throw new UsageException($"--resolution: need at least 2 points per axis, not {resolution}");
        if (samples < 1 || samples > 10_000) throw new UsageException($"--samples: give 1 to 10000 test images, not {samples}");
        var data = FashionMnist.Load(train: false).First(samples);
        var model = Mlp.Create(Widths, ActivationKind.Relu, bias: true, seed: 1);
        var first = FilterNormalizedDirection.Draw(model, 1);
        var second = FilterNormalizedDirection.Draw(model, 2);
        bool torch = TorchProcess.Available();
        if (!torch) Console.Error.WriteLine("topo: PyTorch not found (apt-get install python3-torch libopenblas0-pthread); timing TopoDsl alone");

        // Compile the slicer's code paths before timing them (the PyTorch side is timed after its own imports).
        LossSlicer.Compute(model, data.First(256), first, second, new SliceOptions { Resolution = 2 });
        var rows = OnThreads.Each(threadCounts, n =>
        {
            Console.Error.WriteLine($"slicing {resolution} x {resolution} on {samples} images with {n} thread(s) ...");
            // On n threads, n copies of the network compute bands of rows, each with a one-thread GEMM: a grid point's work
            // is too small to split.
            if (n > 1) Gemm.Threads = 1;
            var workers = Enumerable.Range(0, n).Select(k => k == 0 ? model : Mlp.Create(Widths, ActivationKind.Relu, bias: true, seed: 1)).ToList<Module>();
            var clock = Stopwatch.StartNew();
            var slice = LossSlicer.Compute(workers, data, first, second, new SliceOptions { Resolution = resolution });
            double topoSeconds = clock.Elapsed.TotalSeconds;
            if (!torch) return new Row(n, topoSeconds, null, null);
            var (torchSeconds, torchLosses) = TorchSlice.Compute(model, data, first, second, Widths, resolution, n);
            double largest = slice.Losses.Zip(torchLosses, (a, b) => Math.Abs(a - b) / Math.Max(Math.Abs(b), 1e-12)).Max();
            return new Row(n, topoSeconds, torchSeconds, largest);
        });
        Print(rows, resolution, samples);
        if (jsonPath is not null) AtomicFile.WriteAllText(jsonPath, w => w.Write(ToJson(rows, resolution, samples)));
        return 0;
    }

    private static void Print(List<Row> rows, int resolution, int samples)
    {
        var table = new Table().AddColumns("threads", "topo s", "torch s", "ratio", "target", "largest relative difference");
        foreach (var r in rows)
            table.AddRow(r.Threads.ToString(CultureInfo.InvariantCulture), F(r.TopoSeconds), r.TorchSeconds is double t ? F(t) : "-",
                r.TorchSeconds is double u ? F(r.TopoSeconds / u) : "-", "<= " + F(Target), r.LargestRelativeDifference is double d ? d.ToString("0.0e0", CultureInfo.InvariantCulture) : "-");
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        AnsiConsole.Write(table);
        Console.WriteLine($"The loss of an MLP {string.Join("-", Widths)} (ReLU, untrained, seed 1) on {samples} Fashion-MNIST test images at {resolution} x {resolution} points " +
            "along two filter-normalised directions. TopoDsl: LossSlicer, in this process; PyTorch: every parameter moved per point, timed inside its own process.");
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string ToJson(List<Row> rows, int resolution, int samples) => JsonRows.Write(rows, (json, r) =>
    {
        json.WriteNumber("threads", r.Threads);
        json.WriteNumber("resolution", resolution);
        json.WriteNumber("samples", samples);
        json.WriteNumber("topo_seconds", r.TopoSeconds);
        if (r.TorchSeconds is double t)
        {
            json.WriteNumber("torch_seconds", t);
            json.WriteNumber("ratio", r.TopoSeconds / t);
            json.WriteNumber("largest_relative_difference", r.LargestRelativeDifference!.Value);
        }
        json.WriteNumber("target_ratio", Target);
    });
}
