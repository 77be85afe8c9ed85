using System.CommandLine;
using Spectre.Console;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Hosting;
using TopoDsl.Experiments.Reporting;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;
using TopoDsl.Text;

namespace TopoDsl.Experiments;

/// <summary>
/// The command line of a project that declares experiments: <c>return ExperimentApp.Run(args);</c> in Program.cs
/// gives <c>list</c>, <c>run NAME [--quick] [--out DIR] [--seeds N] [--threads N] [--cells] [--shard I/N|auto]</c>,
/// <c>collect DIR</c>, <c>slurm NAME</c>, <c>k8s NAME</c>, <c>report DIR</c> and <c>bench NAME</c>.
/// Bad input is one line on standard error and exit code 2; a cancelled run exits with 130 and resumes when started again.
/// </summary>
public static class ExperimentApp
{
    /// <summary>Exit code for bad input (an unknown experiment, an unwritable folder, missing data).</summary>
    public const int BadInput = CommandLineErrors.BadInput;

    /// <summary>Exit code of <c>collect</c> when cells are not finished yet (it lists them).</summary>
    public const int IncompleteSweep = 3;

    /// <summary>Runs the command line over the registered experiments.</summary>
    public static int Run(string[] args) => Run(args, ExperimentRegistry.All);

    /// <summary>Runs the command line over <paramref name="experiments"/>.</summary>
    public static int Run(string[] args, IReadOnlyList<ExperimentDefinition> experiments)
    {
        string program = Path.GetFileNameWithoutExtension(Environment.GetCommandLineArgs()[0]);
        var root = new RootCommand("Experiments on the topology of learning (TopoDsl).") { List(experiments), RunCommand(experiments), Collect(experiments), SlurmCommand.Create(experiments), KubernetesCommand.Create(experiments), Report(), Bench(experiments) };
        var parse = root.Parse(args);
        if (CommandLineErrors.Report(parse, program)) return BadInput;
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += cancel;
        try
        {
            return parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (IsBadInput(e))
        {
            Console.Error.WriteLine($"{program}: {ErrorLine.Of(e)}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"{program}: cancelled; the same command resumes from the last checkpoint");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }

    private static bool IsBadInput(Exception e) => CommandLineErrors.IsBadInput(e) || e is ExperimentException or IOException or System.Text.Json.JsonException;

    private static Command List(IReadOnlyList<ExperimentDefinition> experiments)
    {
        var command = new Command("list", "list the experiments declared in this project");
        command.SetAction(_ =>
        {
            if (experiments.Count == 0)
            {
                Console.WriteLine("no experiments: declare one with [Experiment] on a partial class");
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumn("name").AddColumn("runs").AddColumn("quick runs").AddColumn("description");
            foreach (var e in experiments)
                table.AddRow(Markup.Escape(e.Name), new ResolvedExperiment(e, false).Cells.Count.ToString(),
                    new ResolvedExperiment(e, true).Cells.Count.ToString(), Markup.Escape(e.Description));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command RunCommand(IReadOnlyList<ExperimentDefinition> experiments)
    {
        var name = new Argument<string>("NAME") { Description = "the experiment (see list)" };
        var quick = new Option<bool>("--quick") { Description = "fewer neurons, steps and seeds (the experiment's [Quick] settings)" };
        var output = new Option<string?>("--out") { Description = "output folder (default results/NAME, or results/NAME-quick)" };
        var seeds = new Option<int?>("--seeds") { Description = "run this many seeds per cell instead of the declared number" };
        var threads = new Option<int>("--threads") { Description = "worker threads for training and persistence", DefaultValueFactory = _ => 1 };
        var cells = new Option<bool>("--cells") { Description = "list the sweep's cells (index, id, stable key) and run nothing" };
        var shard = new Option<string?>("--shard") { Description = "run only the cells whose index is I modulo N (I/N), or auto: from a Slurm array task or a Kubernetes Indexed Job; then collect DIR" };
        var command = new Command("run", "run (or resume) an experiment and write its results and report") { name, quick, output, seeds, threads, cells, shard };
        command.SetAction((parse, cancellation) =>
        {
            string wanted = parse.GetValue(name)!;
            var definition = Named(experiments, wanted);
            int threadCount = parse.GetValue(threads);
            if (threadCount < 1) throw new ExperimentException("--threads must be 1 or more");
            var experiment = new ResolvedExperiment(definition, parse.GetValue(quick), parse.GetValue(seeds));
            if (parse.GetValue(cells))
            {
                foreach (var cell in experiment.Cells) Console.WriteLine($"{cell.Index}\t{cell.Id}\t{experiment.CellKey(cell)}");
                return Task.FromResult(0);
            }
            string folder = parse.GetValue(output) ?? DefaultOutput(experiment);
            string source = "--shard";
            Shard? part = parse.GetValue(shard) is not string shardText ? null
                : shardText == "auto" ? Shard.FromEnvironment(Environment.GetEnvironmentVariable, out source) : Shard.Parse(shardText);
            if (experiment.IsQuick) Console.WriteLine($"{definition.Name} --quick: {experiment.Network.Description}, {Describe(experiment.Schedule)}, {experiment.Cells.Count} runs (the full experiment is larger)");
            if (part is Shard given)
            {
                int mine = experiment.Cells.Count(given.Runs);
                Console.WriteLine($"shard {given} ({source}): {mine} of {experiment.Cells.Count} cells");
                ExperimentRunner.RunShard(experiment, folder, given, parse.GetValue(seeds), threadCount, new ConsoleRunObserver(mine, null), cancellation);
                Console.WriteLine($"shard {given} done; when every shard is: collect {folder}");
                return Task.FromResult(0);
            }
            var results = RunWithProgress(experiment, folder, threadCount, cancellation);
            Show(results, folder);
            return Task.FromResult(0);
        });
        return command;
    }

    // The table, the summary and the report of finished results.
    private static void Show(ExperimentResults results, string folder)
    {
        // Redirected output is read in logs and files, not an 80-column terminal: do not wrap the table.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
        AnsiConsole.Write(RunTable.Of(results));
        foreach (var line in RunSummary.Of(results).Concat(LandscapeSummary.Of(results.Landscape))) Console.WriteLine(line);
        var folders = new RunFolders(folder);
        HtmlReport.Write(folders.Report, results, folders);
        Console.WriteLine($"results: {folders.Results}");
        Console.WriteLine($"report:  {folders.Report}");
    }

    /// <summary>The command that starts this program again: the apphost itself, or dotnet with the dll.</summary>
    internal static string ThisProgram()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string entry = Path.GetFullPath(Environment.GetCommandLineArgs()[0]);
        return Path.GetFileNameWithoutExtension(process) == "dotnet" ? $"{ShardCommandLine.Quote(process)} {ShardCommandLine.Quote(entry)}" : ShardCommandLine.Quote(process);
    }

    private static Command Collect(IReadOnlyList<ExperimentDefinition> experiments)
    {
        var folder = new Argument<string>("DIR") { Description = "the --out folder the shards ran into" };
        var threads = new Option<int>("--threads") { Description = "worker threads for the landscape analyses", DefaultValueFactory = _ => 1 };
        var command = new Command("collect", "merge the shards of a sweep into results.json and report.html, or name the cells still missing") { folder, threads };
        command.SetAction((parse, cancellation) =>
        {
            string dir = parse.GetValue(folder)!;
            int threadCount = parse.GetValue(threads);
            if (threadCount < 1) throw new ExperimentException("--threads must be 1 or more");
            var outcome = ExperimentRunner.Collect(dir, experiments, threadCount, new ConsoleRunObserver(0, null), cancellation);
            if (outcome.Results is null)
            {
                Console.Error.WriteLine($"{outcome.Missing.Count} cell{(outcome.Missing.Count == 1 ? " is" : "s are")} not finished (not run, failed, or still running); "
                    + "once their shards have ended, run them, then collect again:");
                string program = ThisProgram();
                foreach (var cell in outcome.Missing) Console.Error.WriteLine($"  {cell.Cell}: {program} {cell.Command}");
                return Task.FromResult(IncompleteSweep);
            }
            Show(outcome.Results, dir);
            return Task.FromResult(0);
        });
        return command;
    }

    private static ExperimentResults RunWithProgress(ResolvedExperiment experiment, string folder, int threads, CancellationToken cancellation)
    {
        if (Console.IsErrorRedirected)
            return ExperimentRunner.Run(experiment, folder, threads, new ConsoleRunObserver(experiment.Cells.Count, null), cancellation);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ExperimentResults? results = null;
        console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context => results = ExperimentRunner.Run(experiment, folder, threads, new ConsoleRunObserver(experiment.Cells.Count, context), cancellation));
        return results!;
    }

    private static Command Report()
    {
        var folder = new Argument<string>("DIR") { Description = "an output folder of run" };
        var command = new Command("report", "write report.html again from DIR/results.json") { folder };
        command.SetAction(parse =>
        {
            var folders = new RunFolders(parse.GetValue(folder)!);
            if (!File.Exists(folders.Results)) throw new ExperimentException($"{folders.Root}: no results.json there; run the experiment with --out {folders.Root} first");
            HtmlReport.Write(folders.Report, ResultFiles.ReadAll(folders.Results), folders);
            Console.WriteLine($"report: {folders.Report}");
            return 0;
        });
        return command;
    }

    private static Command Bench(IReadOnlyList<ExperimentDefinition> experiments)
    {
        var name = new Argument<string>("NAME") { Description = "the experiment (see list)" };
        var quick = new Option<bool>("--quick") { Description = "bench the quick runs" };
        var threads = new Option<int>("--threads") { Description = "threads for TopoDsl and for PyTorch", DefaultValueFactory = _ => 1 };
        var json = new Option<string?>("--json") { Description = "also write the times to this file (atomically)" };
        var python = new Option<string>("--python") { Description = "the Python with torch, gudhi and numpy", DefaultValueFactory = _ => "/usr/bin/python3" };
        var command = new Command("bench", "time the experiment with TopoDsl, as training alone, and written with PyTorch and GUDHI, in one run") { name, quick, threads, json, python };
        command.SetAction(parse =>
        {
            string wanted = parse.GetValue(name)!;
            var definition = Named(experiments, wanted);
            int threadCount = parse.GetValue(threads);
            if (threadCount < 1) throw new ExperimentException("--threads must be 1 or more");
            var result = Benchmarks.ExperimentBench.Run(new ResolvedExperiment(definition, parse.GetValue(quick)), threadCount, parse.GetValue(python)!);
            foreach (var line in Benchmarks.ExperimentBench.Lines(result)) Console.WriteLine(line);
            if (parse.GetValue(json) is string file) Benchmarks.ExperimentBench.WriteJson(file, result);
            return 0;
        });
        return command;
    }

    /// <summary>Where a run writes without --out: results/NAME, or results/NAME-quick.</summary>
    internal static string DefaultOutput(ResolvedExperiment experiment) => Path.Combine("results", DefaultFolderName(experiment));

    /// <summary>NAME, or NAME-quick.</summary>
    internal static string DefaultFolderName(ResolvedExperiment experiment) => experiment.Definition.Name + (experiment.IsQuick ? "-quick" : "");

    internal static ExperimentDefinition Named(IReadOnlyList<ExperimentDefinition> experiments, string name) =>
        experiments.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ExperimentException($"no experiment named '{name}'; declared: {string.Join(", ", experiments.Select(e => e.Name))}");

    private static string Describe(Schedule schedule) =>
        $"{(schedule.Steps is int s ? $"{s} steps" : $"{schedule.Epochs} epochs")}, {schedule.Seeds.Count} seed{(schedule.Seeds.Count == 1 ? "" : "s")}";
}
