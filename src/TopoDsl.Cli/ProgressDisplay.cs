using Spectre.Console;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Cli;

/// <summary>
/// Shows the stage of a long computation on standard error, only when a person is watching (a terminal), so
/// that piped output stays exactly ripser-compatible.
/// </summary>
internal static class ProgressDisplay
{
    public static T Run<T>(string title, Func<IProgress<RipsProgress>?, T> work)
    {
        if (Console.IsErrorRedirected) return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Status().Spinner(Spinner.Known.Dots).Start(title, context =>
            work(new SyncProgress(p => context.Status($"{title}: dimension {p.Dimension}, {p.Stage} ({p.Items:N0})"))));
    }

    private sealed class SyncProgress(Action<RipsProgress> report) : IProgress<RipsProgress>
    {
        public void Report(RipsProgress value) => report(value);
    }
}
