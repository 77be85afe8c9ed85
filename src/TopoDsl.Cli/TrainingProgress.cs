using Spectre.Console;
using TopoDsl.Training.Loop;

namespace TopoDsl.Cli;

/// <summary>A progress bar of training steps on standard error, shown only when a person is watching (a terminal).</summary>
internal static class TrainingProgress
{
    public static void Run(long totalSteps, Action<IProgress<TrainingStep>?> work)
    {
        if (Console.IsErrorRedirected || totalSteps == 0)
        {
            work(null);
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("training", maxValue: totalSteps);
                work(new StepProgress(step =>
                {
                    task.Value = Math.Min(totalSteps, task.Value + 1);
                    task.Description = $"epoch {step.Epoch + 1}, loss {step.Loss:G4}";
                }));
            });
    }

    private sealed class StepProgress(Action<TrainingStep> report) : IProgress<TrainingStep>
    {
        public void Report(TrainingStep value) => report(value);
    }
}
