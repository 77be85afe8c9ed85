using BenchmarkDotNet.Running;
using TopoDsl.Training.Benchmarks;

// `--quick [rounds]`: a Stopwatch comparison in seconds; anything else goes to BenchmarkDotNet
// (e.g. `--filter '*'`).
if (args.Length > 0 && args[0] == "--quick")
{
    int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 201;
    return QuickComparison.Run([1, 2], rounds);
}
BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly).Run(args);
return 0;
