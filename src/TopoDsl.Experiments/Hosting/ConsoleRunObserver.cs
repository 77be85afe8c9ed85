using System.Diagnostics;
using Spectre.Console;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Hosting;

/// <summary>
/// Shows the runs' progress on standard error: a live bar per run on a terminal, one line per finished run when the
/// output is redirected (a log, a cluster job).
/// </summary>
internal sealed class ConsoleRunObserver(int runs, ProgressContext? live) : IRunObserver
{
    private readonly Stopwatch _clock = new();
    private ProgressTask? _task;
    private int _done;

    public void RunStarted(RunCell cell, RunResult result, int totalSteps, int? resumedAt)
    {
        _clock.Restart();
        string what = $"{cell.Id} (eta x K = {result.EtaTimesK:G3})";
        if (live is null)
        {
            Console.Error.WriteLine($"run {_done + 1}/{runs} {what}{(resumedAt is int s ? $": resumed after step {s}" : "")}");
            return;
        }
        _task = live.AddTask(Markup.Escape(what), maxValue: Math.Max(1, totalSteps));
        _task.Value = resumedAt ?? 0;
    }

    public void StepDone(RunCell cell, int step, double loss)
    {
        if (_task is not null) _task.Value = step;
    }

    public void RunFinished(RunCell cell, RunResult result)
    {
        _done++;
        if (_task is not null)
        {
            _task.Value = _task.MaxValue;
            _task.StopTask();
        }
        string end = result.Diverged ? $"diverged at step {result.DivergedAtStep}" : $"test loss {RunCells.Number(result.TestLoss)}";
        string line = $"run {_done}/{runs} {cell.Id}: {end}, {Persistent(result)}, {_clock.Elapsed.TotalSeconds:F1} s";
        if (live is null) Console.Error.WriteLine(line);
    }

    public void RunSkipped(RunCell cell)
    {
        _done++;
        if (live is null) Console.Error.WriteLine($"run {_done}/{runs} {cell.Id}: already complete, kept");
    }

    public void AnalysisProgress(string analysis, string item, int done, int total, string detail)
    {
        string what = item.Length == 0 ? analysis : $"{analysis} {item}";
        if (live is null)
        {
            string count = total == 0 ? "" : $"{done}/{total}";
            Console.Error.WriteLine($"{what}: {count}{(count.Length > 0 && detail.Length > 0 ? ", " : "")}{detail}");
            return;
        }
        if (!_analyses.TryGetValue(what, out var task)) _analyses[what] = task = live.AddTask(Markup.Escape(what), maxValue: Math.Max(1, total));
        task.Value = done;
        if (done >= total) task.StopTask();
    }

    private readonly Dictionary<string, ProgressTask> _analyses = [];

    private static string Persistent(RunResult result) => result.PersistentBetti.Count == 0 ? "no topology"
        : $"persistent Betti {RunCells.Change(result, result.PersistentBetti)}";
}
