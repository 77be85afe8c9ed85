using System.Diagnostics;
using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Benchmarks;

/// <summary>
/// `--quick`: median milliseconds per call of both backends on the MLP shapes, side by side, in seconds rather
/// than the minutes a BenchmarkDotNet run takes. Each round times one sample of each backend back to back, so
/// that load from other processes hits both alike; the ratio is the median of the per-round ratios.
/// </summary>
public static class QuickComparison
{
    public static int Run(int[] threadCounts, int rounds)
    {
        bool withOpenBlas = Gemm.OpenBlasAvailable;
        if (!withOpenBlas) Console.WriteLine("OpenBLAS not available: only the managed column is measured");
        Console.WriteLine($"median ms per call over {rounds} rounds; ratio = managed / OpenBLAS, median of per-round ratios (lower is better)");
        Console.WriteLine($"{"shape",-16} {"m x n x k",-12} {"thr",3} {"managed",9} {"openblas",9} {"ratio",6}");
        foreach (int threads in threadCounts)
        {
            Gemm.Threads = threads;
            double logRatioSum = 0;
            foreach (var shape in GemmShape.MlpStep)
            {
                var operands = new GemmOperands(shape);
                var managed = new double[rounds];
                var openBlas = new double[rounds];
                var ratios = new double[rounds];
                int calls = CallsPerSample(shape);
                WarmUp(operands, GemmBackend.Managed);
                if (withOpenBlas) WarmUp(operands, GemmBackend.OpenBlas);
                for (int r = 0; r < rounds; r++)
                {
                    managed[r] = Sample(operands, GemmBackend.Managed, calls);
                    openBlas[r] = withOpenBlas ? Sample(operands, GemmBackend.OpenBlas, calls) : double.NaN;
                    ratios[r] = managed[r] / openBlas[r];
                }
                double ratio = Median(ratios);
                logRatioSum += Math.Log(ratio);
                Console.WriteLine($"{shape.Name,-16} {$"{shape.M}x{shape.N}x{shape.K}",-12} {threads,3} {Median(managed),9:F4} {Median(openBlas),9:F4} {ratio,6:F2}");
            }
            Console.WriteLine($"{"geometric mean",-16} {"",-12} {threads,3} {"",9} {"",9} {Math.Exp(logRatioSum / GemmShape.MlpStep.Length),6:F2}");
        }
        return 0;
    }

    // Long enough for the JIT to reach its optimised tier and for packing buffers to be allocated.
    private static void WarmUp(GemmOperands operands, GemmBackend backend)
    {
        Gemm.Backend = backend;
        long end = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2;
        while (Stopwatch.GetTimestamp() < end) operands.Multiply();
    }

    // Calls are grouped so that one sample lasts about a millisecond, well above the timer resolution.
    private static int CallsPerSample(GemmShape shape) =>
        (int)Math.Clamp(40_000_000 / (2L * shape.M * shape.N * shape.K), 1, 1000);

    private static double Sample(GemmOperands operands, GemmBackend backend, int calls)
    {
        Gemm.Backend = backend;
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++) operands.Multiply();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / calls;
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }
}
