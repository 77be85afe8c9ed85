namespace TopoDsl.Experiments;

/// <summary>
/// Records every run's parameters every <see cref="Every"/> steps, then tests each pair of runs' training paths for
/// homotopy inside a sublevel set of the loss (Tamim, as papers.md 2.3 makes it testable): both paths resampled by arc
/// length, the straight-line homotopy between them on a grid, and its barrier above the higher of the paths' highest
/// losses. Classes are the groups joined at <see cref="Tolerance"/>; every barrier is kept so that the tolerance can be
/// swept afterwards. The report gives the barrier matrix with the classes and the test accuracy within and between them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HomotopyClassesAttribute : Attribute
{
    /// <summary>A path point every this many steps (default 0: twenty points spread over the run), plus the start and the end.</summary>
    public int Every { get; set; }

    /// <summary>
    /// Paths start at this fraction of each run (default 0: the whole run; 0.5: its second half). From a shared start,
    /// whose loss is the highest of every path, no homotopy rises above the paths' highest loss, so all runs form one
    /// class; a later start compares the parts of the paths where they have gone their own ways.
    /// </summary>
    public double From { get; set; }

    /// <summary>Two paths are homotopic when their barrier is at most this loss (default 0).</summary>
    public double Tolerance { get; set; }

    /// <summary>Points along each path after resampling (default 21).</summary>
    public int PathSamples { get; set; } = 21;

    /// <summary>Points from one path to the other (default 11).</summary>
    public int BlendSteps { get; set; } = 11;

    /// <summary>The loss is measured on the first this many training samples of the first run's data (default 1000; 0: all).</summary>
    public int Samples { get; set; } = 1000;
}
