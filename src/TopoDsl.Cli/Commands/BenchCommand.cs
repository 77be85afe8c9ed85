using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TopoDsl.Cli.Bench;
using TopoDsl.Homology.IO;

namespace TopoDsl.Cli.Commands;

/// <summary><c>topo bench ph</c>: TopoDsl against ripser on the standard inputs, in one run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "folder holding published/ and generated/ (the ph benchmark data)", Required = true };
        var threads = new Option<string>("--threads") { Description = "comma-separated thread counts for topo", DefaultValueFactory = _ => "1,2" };
        var only = new Option<string?>("--only") { Description = "comma-separated data set names to run" };
        var json = new Option<string?>("--json") { Description = "also write the measurements as JSON to this file" };
        var ripser = new Option<string>("--ripser") { Description = "the ripser executable", DefaultValueFactory = _ => "ripser" };
        var ph = new Command("ph", "time and peak memory of topo ph against ripser on the standard inputs") { data, threads, only, json, ripser };
        ph.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(threads)!, parse.GetValue(only), parse.GetValue(json), parse.GetValue(ripser)!));
        return new Command("bench", "benchmarks that compare TopoDsl with the reference tools") { ph, TrainBenchCommand.Create(), OptimizerBenchCommand.Create(), SliceBenchCommand.Create(), AutoNebBenchCommand.Create() };
    }

    private static int Run(string dataFolder, string threadList, string? only, string? jsonPath, string ripser)
    {
        if (!Directory.Exists(dataFolder)) throw new UsageException($"--data: folder '{dataFolder}' does not exist");
        if (!File.Exists(ProcessMeasurement.GnuTime)) throw new UsageException($"the benchmark needs GNU time at {ProcessMeasurement.GnuTime} (apt-get install time)");
        var threadCounts = ThreadList.Parse(threadList, "--threads");
        var wanted = only?.Split(',').ToHashSet();
        var cases = PhBenchmarkCase.Standard.Where(c => wanted is null || wanted.Contains(c.Name)).ToList();
        if (cases.Count == 0) throw new UsageException($"--only: no data set named {only}; known: {string.Join(", ", PhBenchmarkCase.Standard.Select(c => c.Name))}");

        var benchmark = new PhBenchmark(dataFolder, threadCounts, ripser);
        var rows = new List<PhBenchmark.Row>();
        foreach (var c in cases)
        {
            if (!File.Exists(Path.Combine(dataFolder, c.RelativePath)))
            {
                Console.Error.WriteLine($"topo: skipping {c.Name}: {Path.Combine(dataFolder, c.RelativePath)} not found");
                continue;
            }
            Console.Error.WriteLine($"measuring {c.Name} {c.Parameters} ...");
            rows.Add(benchmark.Measure(c));
        }
        PrintTable(rows, threadCounts);
        if (jsonPath is not null) AtomicFile.WriteAllText(jsonPath, w => w.Write(ToJson(rows)));
        return rows.All(r => r.Agree) ? 0 : 1;
    }

    private static void PrintTable(List<PhBenchmark.Row> rows, List<int> threadCounts)
    {
        var table = new Table().AddColumns("data set", "params", "ripser s", "ripser MiB");
        foreach (int t in threadCounts) table.AddColumns($"topo {t}t s", $"ratio {t}t", $"topo {t}t MiB", $"mem ratio {t}t");
        table.AddColumn("barcodes");
        foreach (var row in rows)
        {
            var cells = new List<string> { row.Case.Name, row.Case.Parameters, S(row.Ripser.WallSeconds), MiB(row.Ripser.PeakBytes) };
            foreach (var (_, topo) in row.Topo)
                cells.AddRange([S(topo.WallSeconds), R(topo.WallSeconds / row.Ripser.WallSeconds), MiB(topo.PeakBytes), R((double)topo.PeakBytes / row.Ripser.PeakBytes)]);
            cells.Add(row.Agree ? "agree" : "DIFFER");
            table.AddRow(cells.ToArray());
        }
        var mean = new List<string> { "geometric mean", "", "", "" };
        for (int k = 0; k < threadCounts.Count; k++)
            mean.AddRange(["", R(GeometricMean(rows.Select(r => r.Topo[k].Topo.WallSeconds / r.Ripser.WallSeconds))), "",
                R(GeometricMean(rows.Select(r => (double)r.Topo[k].Topo.PeakBytes / r.Ripser.PeakBytes)))]);
        mean.Add("");
        table.AddRow(mean.ToArray());
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240; // a piped table must not wrap at 80 columns
        AnsiConsole.Write(table);
        Console.WriteLine("Times are wall-clock seconds of each whole process (ripser is single-threaded); memory is peak RSS in MiB (2^20 bytes).");
        Console.WriteLine($"topo ran {Build}.");
    }

    private static string Build => TopoBuild.IsNative
        ? "as a NativeAOT executable"
        : "on the JIT (for the README's numbers, install the native tool: see README, Performance)";

    private static double GeometricMean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? double.NaN : Math.Exp(list.Average(Math.Log));
    }

    private static string S(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);
    private static string R(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture);
    private static string MiB(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string ToJson(List<PhBenchmark.Row> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("topo_build", TopoBuild.Name);
            json.WriteNumber("processor_count", Environment.ProcessorCount);
            json.WriteStartArray("datasets");
            foreach (var r in rows)
            {
                json.WriteStartObject();
                json.WriteString("name", r.Case.Name);
                json.WriteString("parameters", r.Case.Parameters);
                json.WritePropertyName("ripser");
                Measurement(json, r.Ripser);
                json.WriteStartArray("topo");
                foreach (var (threads, topo) in r.Topo)
                {
                    json.WriteStartObject();
                    json.WriteNumber("threads", threads);
                    json.WritePropertyName("measurement");
                    Measurement(json, topo);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteBoolean("barcodes_agree", r.Agree);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Measurement(Utf8JsonWriter json, ProcessMeasurement m)
    {
        json.WriteStartObject();
        json.WriteNumber("wall_seconds", m.WallSeconds);
        json.WriteNumber("cpu_seconds", m.CpuSeconds);
        json.WriteNumber("peak_bytes", m.PeakBytes);
        json.WriteEndObject();
    }
}
