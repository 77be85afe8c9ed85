using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TopoDsl.Cli.Bench;
using TopoDsl.Homology.IO;

namespace TopoDsl.Cli.Commands;

/// <summary>
/// <c>topo bench optimizer</c>: the generated Adam step against torch.optim.Adam (foreach, and the per-tensor
/// loop for reference) on one large parameter tensor, at equal threads, side by side in one run.
/// </summary>
internal static class OptimizerBenchCommand
{
    private const double Target = 0.5;

    private sealed record Row(int Threads, double TopoMs, double? TorchForeachMs, double? TorchLoopMs);

    public static Command Create()
    {
        var parameters = new Option<int>("--parameters") { Description = "number of parameters (one tensor)", DefaultValueFactory = _ => 10_000_000 };
        var threads = new Option<string>("--threads") { Description = "comma-separated thread counts", DefaultValueFactory = _ => "1,2" };
        var json = new Option<string?>("--json") { Description = "also write the measurements as JSON to this file" };
        var command = new Command("optimizer", "ms per Adam step: TopoDsl's generated Adam against torch.optim.Adam (issue 4)") { parameters, threads, json };
        command.SetAction(parse => Run(parse.GetValue(parameters), parse.GetValue(threads)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(int parameters, string threadList, string? jsonPath)
    {
        if (parameters < 1) throw new UsageException($"--parameters must be at least 1, not {parameters}");
        var threadCounts = ThreadList.Parse(threadList, "--threads");
        bool torch = TorchProcess.Available();
        if (!torch) Console.Error.WriteLine("topo: PyTorch not found (apt-get install python3-torch); timing TopoDsl alone");

        var rows = new List<Row>();
        foreach (int n in threadCounts)
        {
            Console.Error.WriteLine($"timing Adam on {parameters:N0} parameters, {n} thread(s) ...");
            double topo = ManagedOptimizerStep.Milliseconds(parameters, n);
            double? foreachMs = torch ? TorchOptimizerStep.Milliseconds(parameters, n, useForeach: true) : null;
            double? loopMs = torch ? TorchOptimizerStep.Milliseconds(parameters, n, useForeach: false) : null;
            rows.Add(new Row(n, topo, foreachMs, loopMs));
        }
        Print(rows, parameters);
        if (jsonPath is not null) AtomicFile.WriteAllText(jsonPath, w => w.Write(ToJson(rows, parameters)));
        return 0;
    }

    private static void Print(List<Row> rows, int parameters)
    {
        var table = new Table().AddColumns("threads", "topo ms/step", "torch foreach ms/step", "ratio", "target", "torch per-tensor ms/step");
        foreach (var r in rows)
            table.AddRow(r.Threads.ToString(CultureInfo.InvariantCulture), F(r.TopoMs), Maybe(r.TorchForeachMs),
                r.TorchForeachMs is double t ? F(r.TopoMs / t) : "-", "<= " + F(Target), Maybe(r.TorchLoopMs));
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
        AnsiConsole.Write(table);
        Console.WriteLine($"Adam(lr 1e-3, betas 0.9/0.999, eps 1e-8) on one tensor of {parameters.ToString("N0", CultureInfo.InvariantCulture)} float32 parameters; " +
            $"median of {StepTiming.OptimizerStep.Repeats} blocks of {StepTiming.OptimizerStep.StepsPerRepeat} steps after warming up, each side in its own process.");
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Maybe(double? v) => v is double x ? F(x) : "-";

    private static string ToJson(List<Row> rows, int parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var r in rows)
            {
                json.WriteStartObject();
                json.WriteNumber("parameters", parameters);
                json.WriteNumber("threads", r.Threads);
                json.WriteNumber("topo_ms_per_step", r.TopoMs);
                if (r.TorchForeachMs is double f)
                {
                    json.WriteNumber("torch_foreach_ms_per_step", f);
                    json.WriteNumber("ratio", r.TopoMs / f);
                }
                if (r.TorchLoopMs is double l) json.WriteNumber("torch_per_tensor_ms_per_step", l);
                json.WriteNumber("target_ratio", Target);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
