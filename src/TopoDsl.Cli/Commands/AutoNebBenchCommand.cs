using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TopoDsl.Cli.Bench;
using TopoDsl.Homology.IO;
using TopoDsl.Landscape.Paths;
using TopoDsl.Landscape.Surfaces;
using TopoDsl.Training.Data;
using TopoDsl.Training.LinearAlgebra;
using TopoDsl.Training.Modules;

namespace TopoDsl.Cli.Commands;

/// <summary>
/// <c>topo bench autoneb</c>: the AutoNEB path between two minima of a 784-128-10 MLP on Fashion-MNIST images, by
/// TopoDsl and by a PyTorch implementation of the same steps, in one run.
/// </summary>
internal static class AutoNebBenchCommand
{
    private static readonly int[] Widths = [784, 128, 10];
    private const double Target = 0.5;

    // Short of Draxler et al.'s 14 cycles of 1000+ steps, which would take each side an hour here; the same steps per
    // image, so the ratio carries over.
    private static readonly AutoNebOptions Options = new() { Cycles = [.. Enumerable.Repeat(new AutoNebCycle(50, 0.05), 4)] };

    private sealed record Row(int Threads, double TopoSeconds, double TopoBarrier, int TopoImages, double? TorchSeconds, double? TorchBarrier, int? TorchImages);

    public static Command Create()
    {
        var threads = new Option<string>("--threads") { Description = "comma-separated thread counts", DefaultValueFactory = _ => "1,2" };
        var samples = new Option<int>("--samples") { Description = "Fashion-MNIST training images the loss is measured on (at most 60000)", DefaultValueFactory = _ => 1000 };
        var json = new Option<string?>("--json") { Description = "also write the measurements as JSON to this file" };
        var command = new Command("autoneb", "the AutoNEB path between two minima of a 784-128-10 MLP (4 cycles of 50 steps) by TopoDsl against PyTorch") { threads, samples, json };
        command.SetAction(parse => Run(ThreadList.Parse(parse.GetValue(threads)!, "--threads"), parse.GetValue(samples), parse.GetValue(json)));
        return command;
    }

    private static int Run(List<int> threadCounts, int samples, string? jsonPath)
    {
        if (samples < 1 || samples > 60_000) throw new UsageException($"--samples: give 1 to 60000 training images, not {samples}");
        var data = FashionMnist.Load(train: true).First(samples);
        Console.Error.WriteLine($"training two {string.Join("-", Widths)} networks on {samples} images for the path's ends ...");
        var start = Minimum(data, seed: 1);
        var end = Minimum(data, seed: 2);
        bool torch = TorchProcess.Available();
        if (!torch) Console.Error.WriteLine("topo: PyTorch not found (apt-get install python3-torch libopenblas0-pthread); timing TopoDsl alone");

        var rows = OnThreads.Each(threadCounts, n =>
        {
            Console.Error.WriteLine($"relaxing the path on {n} thread(s) ...");
            // One worker per thread, each with a network of its own and a one-thread GEMM: the images are independent,
            // which shares two cores better than splitting each image's products.
            Gemm.Threads = 1;
            var workers = Enumerable.Range(0, n).Select(_ => (ILossSurface)new NetworkLossSurface(Mlp.Create(Widths, ActivationKind.Relu, bias: true, seed: 3), data)).ToList();
            var clock = Stopwatch.StartNew();
            var path = AutoNeb.Connect(workers, start.Select(v => (double)v).ToArray(), end.Select(v => (double)v).ToArray(), Options);
            double topoSeconds = clock.Elapsed.TotalSeconds;
            if (!torch) return new Row(n, topoSeconds, path.Barrier, path.Images.Count, null, null, null);
            var (torchSeconds, torchBarrier, torchImages) = TorchAutoNeb.Run(data, start, end, Widths, Options, n);
            return new Row(n, topoSeconds, path.Barrier, path.Images.Count, torchSeconds, torchBarrier, torchImages);
        });
        Print(rows, samples);
        if (jsonPath is not null) AtomicFile.WriteAllText(jsonPath, w => w.Write(ToJson(rows, samples)));
        return 0;
    }

    // 100 steps of full-batch gradient descent with momentum from a seeded initialisation: a low point, not a converged
    // minimum, which is all a timing needs (both sides start from the same floats).
    private static float[] Minimum(Dataset data, ulong seed)
    {
        var surface = new NetworkLossSurface(Mlp.Create(Widths, ActivationKind.Relu, bias: true, seed), data);
        var point = surface.CurrentPoint();
        var gradient = new double[point.Length];
        var velocity = new double[point.Length];
        for (int step = 0; step < 100; step++)
        {
            surface.LossAndGradient(point, gradient);
            for (int k = 0; k < point.Length; k++)
            {
                velocity[k] = 0.9 * velocity[k] + gradient[k];
                point[k] -= 0.1 * velocity[k];
            }
        }
        return point.Select(v => (float)v).ToArray();
    }

    private static void Print(List<Row> rows, int samples)
    {
        var table = new Table().AddColumns("threads", "topo s", "torch s", "ratio", "target", "topo barrier", "torch barrier", "images");
        foreach (var r in rows)
            table.AddRow(r.Threads.ToString(CultureInfo.InvariantCulture), F(r.TopoSeconds), r.TorchSeconds is double t ? F(t) : "-",
                r.TorchSeconds is double u ? F(r.TopoSeconds / u) : "-", "<= " + F(Target), F(r.TopoBarrier), r.TorchBarrier is double b ? F(b) : "-",
                r.TorchImages is int i ? $"{r.TopoImages} / {i}" : r.TopoImages.ToString(CultureInfo.InvariantCulture));
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        AnsiConsole.Write(table);
        Console.WriteLine($"AutoNEB between two minima of an MLP {string.Join("-", Widths)} (ReLU) on {samples} Fashion-MNIST training images, cross-entropy on all of them " +
            "per gradient: 3 images, then up to 2 per cycle, 4 cycles of 50 steps at 0.05 with momentum 0.9. Both sides time the relaxation and the dense evaluation.");
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string ToJson(List<Row> rows, int samples) => JsonRows.Write(rows, (json, r) =>
    {
        json.WriteNumber("threads", r.Threads);
        json.WriteNumber("samples", samples);
        json.WriteNumber("topo_seconds", r.TopoSeconds);
        json.WriteNumber("topo_barrier", r.TopoBarrier);
        json.WriteNumber("topo_images", r.TopoImages);
        if (r.TorchSeconds is double t)
        {
            json.WriteNumber("torch_seconds", t);
            json.WriteNumber("ratio", r.TopoSeconds / t);
            json.WriteNumber("torch_barrier", r.TorchBarrier!.Value);
            json.WriteNumber("torch_images", r.TorchImages!.Value);
        }
        json.WriteNumber("target_ratio", Target);
    });
}
