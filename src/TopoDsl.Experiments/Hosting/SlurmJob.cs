using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Hosting;

/// <summary>What <c>slurm NAME</c> puts in its sbatch script.</summary>
/// <param name="Program">The command that starts this program (the apphost, or dotnet and the dll).</param>
/// <param name="Experiment">The experiment's name.</param>
/// <param name="Output">The shared --out folder (absolute).</param>
/// <param name="Shards">Array tasks: 0 to Shards - 1.</param>
/// <param name="Parallel">At most this many tasks at once (the %P of --array).</param>
/// <param name="CpusPerTask">Cores per task, also the run's --threads.</param>
/// <param name="Quick">--quick.</param>
/// <param name="Seeds">--seeds, if given.</param>
/// <param name="Memory">--mem, if given (e.g. 4G).</param>
/// <param name="Time">--time, if given (e.g. 02:00:00).</param>
/// <param name="Partition">--partition, if given.</param>
public sealed partial record SlurmJob(string Program, string Experiment, string Output, int Shards, int Parallel, int CpusPerTask, bool Quick, int? Seeds,
    string? Memory = null, string? Time = null, string? Partition = null)
{
    /// <summary>The folder of the tasks' standard output and error: OUTPUT/slurm.</summary>
    public string LogFolder => Path.Combine(Output, "slurm");

    /// <summary>
    /// The --output pattern, JOB_TASK.out in <see cref="LogFolder"/>: a % of the folder's own is written %%, which
    /// Slurm reads as a plain %.
    /// </summary>
    public string LogPattern => Path.Combine(LogFolder.Replace("%", "%%", StringComparison.Ordinal), "%A_%a.out");

    /// <summary>
    /// The sbatch script: a job array whose every task runs its shard (<c>--shard auto</c>, with the shard count in
    /// TOPODSL_SHARD_COUNT, so that tasks resubmitted alone with <c>sbatch --array=I,J SCRIPT</c> keep their shards).
    /// </summary>
    public string Script()
    {
        if (Output.Any(char.IsControl))
            throw new ExperimentException($"--out {TopoDsl.Text.PrintableText.Escape(Output)}: a line break or other control character cannot stand in an sbatch script; choose a folder without one");
        // In an --output pattern a backslash turns off Slurm's %A and %a: every task would write one log file.
        if (Output.Contains('\\'))
            throw new ExperimentException($"--out {Output}: Slurm reads a backslash in the log path as 'no patterns', and every task would write one log; choose a folder without one");
        if (Program.Any(char.IsControl))
            throw new ExperimentException($"this program's path {TopoDsl.Text.PrintableText.Escape(Program)} has a control character, which cannot stand in an sbatch script");
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append("# Written by `slurm ").Append(Experiment).Append("`: one array task per shard of the sweep; then `collect ")
            .Append(ShardCommandLine.Quote(Output)).Append("`.\n");
        Directive(script, "job-name", $"topodsl-{Experiment}");
        Directive(script, "array", string.Create(CultureInfo.InvariantCulture, $"0-{Shards - 1}%{Parallel}"));
        Directive(script, "cpus-per-task", CpusPerTask.ToString(CultureInfo.InvariantCulture));
        Directive(script, "output", LogPattern);
        if (Memory is not null) Directive(script, "mem", Memory);
        if (Time is not null) Directive(script, "time", Time);
        if (Partition is not null) Directive(script, "partition", Partition);
        script.Append("set -euo pipefail\n");
        script.Append("export TOPODSL_SHARD_COUNT=").Append(Shards.ToString(CultureInfo.InvariantCulture)).Append('\n');
        script.Append("exec ").Append(Program).Append(' ')
            .Append(ShardCommandLine.ForShell(ShardCommandLine.Arguments(Experiment, Output, "auto", Quick, Seeds, CpusPerTask)));
        script.Append('\n');
        return script.ToString();
    }

    // sbatch reads a directive's value as one word: whitespace ends it, # starts a comment, ' and " open quotes; double quotes
    // group it, and a backslash escapes a quote or itself.
    private static void Directive(StringBuilder script, string name, string value) =>
        script.Append("#SBATCH --").Append(name).Append('=').Append(SbatchWord(value)).Append('\n');

    private static string SbatchWord(string value) => value.Any(c => char.IsWhiteSpace(c) || c is '"' or '\\' or '\'' or '#')
        ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
        : value;

    /// <summary>sbatch's --mem: megabytes, or a number with K, M, G or T.</summary>
    public static bool IsMemory(string text) => MemoryForm().IsMatch(text);

    /// <summary>sbatch's --time: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS, or UNLIMITED.</summary>
    public static bool IsTimeLimit(string text) => TimeForm().IsMatch(text);

    /// <summary>sbatch's --partition: a name, or names separated by commas.</summary>
    public static bool IsPartition(string text) => PartitionForm().IsMatch(text);

    [GeneratedRegex("^[0-9]+[KMGT]?$")]
    private static partial Regex MemoryForm();

    [GeneratedRegex(@"^([0-9]+(:[0-9]{1,2}){0,2}|[0-9]+-[0-9]{1,2}(:[0-9]{1,2}){0,2}|UNLIMITED|INFINITE)$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeForm();

    [GeneratedRegex("^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$")]
    private static partial Regex PartitionForm();
}
