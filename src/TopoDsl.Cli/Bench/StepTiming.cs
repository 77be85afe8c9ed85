using System.Diagnostics;

namespace TopoDsl.Cli.Bench;

/// <summary>Milliseconds per step: warm-up, then the median over repeats of a block of steps (the same scheme as the PyTorch side).</summary>
internal static class StepTiming
{
    public const int Warmup = 20, Repeats = 7, StepsPerRepeat = 30;

    // The JIT recompiles hot methods with full optimisation only after about 30 calls and a background delay;
    // 20 warm-up steps of a millisecond would time first-tier code. So warm up for a wall-clock time as well.
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(1.5);

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
