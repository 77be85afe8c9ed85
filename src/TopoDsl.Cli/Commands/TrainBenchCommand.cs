using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TopoDsl.Cli.Bench;
using TopoDsl.Homology.IO;
using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Cli.Commands;

/// <summary><c>topo bench train</c>: milliseconds per training step of TopoDsl and PyTorch, side by side in one run.</summary>
internal static class TrainBenchCommand
{
    private sealed record Row(TrainBenchmarkTask Task, int Threads, double TopoMs, double? TorchMs, string TorchConfiguration);

    public static Command Create()
    {
        var threads = new Option<string>("--threads") { Description = "comma-separated thread counts", DefaultValueFactory = _ => "1,2" };
        var only = new Option<string?>("--only") { Description = "comma-separated task names (a, b, c, d)" };
        var json = new Option<string?>("--json") { Description = "also write the measurements as JSON to this file" };
        var command = new Command("train", "ms per training step of TopoDsl against PyTorch (tasks a-c of issue 3, d for comparison)") { threads, only, json };
        command.SetAction(parse => Run(parse.GetValue(threads)!, parse.GetValue(only), parse.GetValue(json)));
        return command;
    }

    private static int Run(string threadList, string? only, string? jsonPath)
    {
        var threadCounts = ThreadList.Parse(threadList, "--threads");
        var wanted = only?.Split(',').ToHashSet();
        var tasks = TrainBenchmarkTask.Standard
            .Where(t => wanted is null ? t.EffectiveBackend != GemmBackend.OpenBlas || Gemm.OpenBlasAvailable : wanted.Contains(t.Name)).ToList();
        foreach (var name in wanted ?? [])
            if (!TrainBenchmarkTask.Standard.Any(t => t.Name == name))
                throw new UsageException($"--only: no task named '{name}'; known: {string.Join(", ", TrainBenchmarkTask.Standard.Select(t => t.Name))}");
        bool torch = TorchProcess.Available();
        if (!torch) Console.Error.WriteLine("topo: PyTorch not found (apt-get install python3-torch libopenblas0-pthread); timing TopoDsl alone");

        var rows = new List<Row>();
        foreach (var task in tasks)
            foreach (int n in threadCounts)
            {
                Console.Error.WriteLine($"timing task {task.Name} ({task.Description}) on {n} thread(s) ...");
                // Alternate the two sides a few times and keep each one's median: a shared machine drifts by tens of
                // percent over seconds, and one pair of runs would catch one side at a bad moment.
                var topoRounds = new List<double>();
                var torchRounds = new List<(double Milliseconds, string Configuration)>();
                for (int round = 0; round < Rounds; round++)
                {
                    topoRounds.Add(ManagedTrainStep.Milliseconds(task, n));
                    if (torch) torchRounds.Add(TorchTrainStep.Milliseconds(task, n));
                }
                if (!torch)
                {
                    rows.Add(new Row(task, n, Median(topoRounds), null, ""));
                    continue;
                }
                var (torchMs, configuration) = torchRounds.OrderBy(r => r.Milliseconds).ElementAt(Rounds / 2);
                rows.Add(new Row(task, n, Median(topoRounds), torchMs, configuration));
            }
        Print(rows);
        if (jsonPath is not null) AtomicFile.WriteAllText(jsonPath, w => w.Write(ToJson(rows)));
        return 0;
    }

    private const int Rounds = 3;

    private static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);

    private static void Print(List<Row> rows)
    {
        var table = new Table().AddColumns("task", "threads", "GEMM", "topo ms/step", "torch ms/step", "ratio", "target", "torch threads");
        foreach (var r in rows)
            table.AddRow(r.Task.Name, r.Threads.ToString(CultureInfo.InvariantCulture), r.Task.EffectiveBackend.ToString(), F(r.TopoMs),
                r.TorchMs is double t ? F(t) : "-", r.TorchMs is double u ? F(r.TopoMs / u) : "-",
                r.Task.Target is double target ? "<= " + F(target) : "-", r.TorchConfiguration);
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        AnsiConsole.Write(table);
        foreach (var task in rows.Select(r => r.Task).Distinct()) Console.WriteLine($"task {task.Name}: {task.Description}");
        Console.WriteLine("Each side: median of 7 blocks of 30 steps after warming up (at least 20 steps and 1.5 s); TopoDsl in this process, PyTorch in its own, alternated 3 times, medians shown.");
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string ToJson(List<Row> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var r in rows)
            {
                json.WriteStartObject();
                json.WriteString("task", r.Task.Name);
                json.WriteString("description", r.Task.Description);
                json.WriteNumber("threads", r.Threads);
                json.WriteNumber("topo_ms_per_step", r.TopoMs);
                if (r.TorchMs is double t)
                {
                    json.WriteNumber("torch_ms_per_step", t);
                    json.WriteNumber("ratio", r.TopoMs / t);
                    json.WriteString("torch_configuration", r.TorchConfiguration);
                }
                json.WriteString("gemm_backend", r.Task.EffectiveBackend.ToString());
                if (r.Task.Target is double target) json.WriteNumber("target_ratio", target);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
