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

    /// <summary>
    /// A loss-landscape analysis advanced: <paramref name="done"/> of <paramref name="total"/> units (grid rows, pairs)
    /// of <paramref name="item"/> (a run, a sweep point); <paramref name="detail"/> says what the last unit gave.
    /// </summary>
    void AnalysisProgress(string analysis, string item, int done, int total, string detail) { }
}
