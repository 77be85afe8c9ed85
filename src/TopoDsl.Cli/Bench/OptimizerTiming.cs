using System.Diagnostics;

namespace TopoDsl.Cli.Bench;

/// <summary>
/// Milliseconds per optimizer step: warm-up, then the median over repeats of a block of steps, the same scheme
/// as the PyTorch script. Steps on 10 million parameters take milliseconds, so a few suffice.
/// </summary>
internal static class OptimizerTiming
{
    public const int Warmup = 5, Repeats = 5, StepsPerRepeat = 10;

    // Long enough for the JIT to replace first-tier code with optimised code before the clock starts.
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(1);

    public static double MedianMilliseconds(Action step)
    {
        var warmup = Stopwatch.StartNew();
        for (int i = 0; i < Warmup || warmup.Elapsed < WarmupTime; i++) step();
        var times = new double[Repeats];
        for (int r = 0; r < Repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < StepsPerRepeat; i++) step();
            times[r] = clock.Elapsed.TotalMilliseconds / StepsPerRepeat;
        }
        Array.Sort(times);
        return times[Repeats / 2];
    }
}
