using System.Diagnostics;
using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Benchmarks;

/// <summary>
/// `--quick`: median milliseconds per call of both backends on the MLP shapes, side by side, in seconds rather
/// than the minutes a BenchmarkDotNet run takes. Backends alternate in rounds so that load from other processes
/// hits both alike.
/// </summary>
public static class QuickComparison
{
    public static int Run(int[] threadCounts, int rounds)
    {
        if (!Gemm.OpenBlasAvailable) Console.WriteLine("OpenBLAS not available: only the managed column is meaningful");
        Console.WriteLine($"median ms per call over {rounds} rounds; ratio = managed / OpenBLAS (lower is better)");
        Console.WriteLine($"{"shape",-18} {"m x n x k",-14} {"thr",3} {"managed",9} {"openblas",9} {"ratio",6}");
        foreach (int threads in threadCounts)
        {
            Gemm.Threads = threads;
            double logRatioSum = 0;
            int shapes = 0;
            foreach (var shape in GemmShape.MlpStep)
            {
                var operands = new GemmOperands(shape);
                double managed = Median(operands, GemmBackend.Managed, rounds);
                double openBlas = Gemm.OpenBlasAvailable ? Median(operands, GemmBackend.OpenBlas, rounds) : double.NaN;
                double ratio = managed / openBlas;
                logRatioSum += Math.Log(ratio);
                shapes++;
                Console.WriteLine($"{shape.Name,-18} {$"{shape.M}x{shape.N}x{shape.K}",-14} {threads,3} {managed,9:F4} {openBlas,9:F4} {ratio,6:F2}");
            }
            Console.WriteLine($"{"geometric mean",-18} {"",-14} {threads,3} {"",9} {"",9} {Math.Exp(logRatioSum / shapes),6:F2}");
        }
        return 0;
    }

    private static double Median(GemmOperands operands, GemmBackend backend, int rounds)
    {
        Gemm.Backend = backend;
        for (int i = 0; i < 20; i++) operands.Multiply(); // JIT tiers and packing buffers settle first
        // Calls are grouped so that one sample lasts well above the timer resolution even for the smallest shape.
        long flops = 2L * operands.Shape.M * operands.Shape.N * operands.Shape.K;
        int callsPerSample = (int)Math.Clamp(20_000_000 / flops, 1, 1000);
        var samples = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < callsPerSample; i++) operands.Multiply();
            samples[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds / callsPerSample;
        }
        Array.Sort(samples);
        return samples[rounds / 2];
    }
}
