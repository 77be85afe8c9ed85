using TopoDsl.Experiments.Results;

namespace TopoDsl.Experiments.Running;

/// <summary>Hears what the runs do, for a progress display; every method is called on the running thread.</summary>
public interface IRunObserver
{
    /// <summary>A run starts (or resumes after <paramref name="resumedAt"/> steps) and will take <paramref name="totalSteps"/> steps.</summary>
    void RunStarted(RunCell cell, RunResult result, int totalSteps, int? resumedAt);

    /// <summary>A step finished with the given batch loss.</summary>
    void StepDone(RunCell cell, int step, double loss);

    /// <summary>A run finished (or diverged); its result is written.</summary>
    void RunFinished(RunCell cell, RunResult result);

    /// <summary>A run was already complete in the output folder and is not run again.</summary>
    void RunSkipped(RunCell cell);
}
