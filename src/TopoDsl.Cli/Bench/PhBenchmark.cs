using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.IO;

namespace TopoDsl.Cli.Bench;

/// <summary>
/// Runs ripser and <c>topo ph</c> on the same inputs in one run, each as a child process under GNU time, and
/// checks that their barcodes agree before reporting times, peak memory and ratios.
/// </summary>
internal sealed class PhBenchmark(string dataFolder, IReadOnlyList<int> threadCounts, string ripser)
{
    public sealed record Row(PhBenchmarkCase Case, ProcessMeasurement Ripser, IReadOnlyList<(int Threads, ProcessMeasurement Topo)> Topo, bool Agree);

    public Row Measure(PhBenchmarkCase benchmarkCase)
    {
        var common = benchmarkCase.CommonArguments(dataFolder);
        var reference = ProcessMeasurement.Run(ripser, common);
        var runs = new List<(int, ProcessMeasurement)>();
        bool agree = true;
        var expected = BarcodeText.ParseRipserOutput(reference.Stdout);
        foreach (int threads in threadCounts)
        {
            var (file, prefix) = SelfInvocation();
            var args = prefix.Concat(["ph", .. common, "--threads", threads.ToString()]).ToList();
            var run = ProcessMeasurement.Run(file, args);
            runs.Add((threads, run));
            agree &= BarcodeComparison.Agree(expected, BarcodeText.ParseRipserOutput(run.Stdout), 1e-5);
        }
        return new Row(benchmarkCase, reference, runs, agree);
    }

    /// <summary>How to start this same topo: the native executable, or dotnet with this assembly.</summary>
    private static (string File, string[] Prefix) SelfInvocation()
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("cannot locate this executable");
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
            return (process, [Path.Combine(AppContext.BaseDirectory, "topo.dll")]);
        return (process, []);
    }
}
