using System.Diagnostics;

namespace TopoDsl.Cli.Bench;

/// <summary>
/// Milliseconds per step: warm-up, then the median over repeats of a block of steps. The PyTorch scripts get
/// the same counts, so both sides are timed by one scheme.
/// </summary>
internal sealed record StepTiming(int Warmup, int Repeats, int StepsPerRepeat, TimeSpan WarmupTime)
{
    // The JIT recompiles hot methods with full optimisation only after about 30 calls and a background delay;
    // 20 warm-up steps of a millisecond would time first-tier code. So warm up for a wall-clock time as well.
    public static readonly StepTiming TrainingStep = new(20, 7, 30, TimeSpan.FromSeconds(1.5));

    /// <summary>Optimizer steps on 10 million parameters take milliseconds: a few suffice.</summary>
    public static readonly StepTiming OptimizerStep = new(5, 5, 10, TimeSpan.FromSeconds(1));

    public double MedianMilliseconds(Action step)
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
