using System.Diagnostics;

namespace TopoDsl.Cli.Bench;

/// <summary>Milliseconds per step: warm-up, then the median over repeats of a block of steps (the same scheme as the PyTorch side).</summary>
internal static class StepTiming
{
    public const int Warmup = 20, Repeats = 7, StepsPerRepeat = 30;

    public static double MedianMilliseconds(Action step)
    {
        for (int i = 0; i < Warmup; i++) step();
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
