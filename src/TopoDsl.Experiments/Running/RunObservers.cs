using TopoDsl.Experiments.Results;

namespace TopoDsl.Experiments.Running;

/// <summary>Ready-made observers.</summary>
public static class RunObservers
{
    /// <summary>Hears nothing.</summary>
    public static IRunObserver None { get; } = new Silent();

    private sealed class Silent : IRunObserver
    {
        public void RunStarted(RunCell cell, RunResult result, int totalSteps, int? resumedAt) { }
        public void StepDone(RunCell cell, int step, double loss) { }
        public void RunFinished(RunCell cell, RunResult result) { }
        public void RunSkipped(RunCell cell) { }
    }
}
