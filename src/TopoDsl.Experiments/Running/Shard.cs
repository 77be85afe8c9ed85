using System.Globalization;

namespace TopoDsl.Experiments.Running;

/// <summary>
/// One of <see cref="Count"/> workers of a sweep: it runs the cells whose index is <see cref="Index"/> modulo
/// <see cref="Count"/>, so that every cell is run by exactly one shard.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>Whether this shard runs <paramref name="cell"/>.</summary>
    public bool Runs(RunCell cell) => cell.Index % Count == Index;

    /// <summary>"I/N".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses "I/N" (0 ≤ I &lt; N); the error names the option and what it needs.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count >= 1 && index < count)
            return new Shard(index, count);
        throw new ExperimentException($"--shard {text}: give I/N with 0 <= I < N (e.g. 0/4), or auto");
    }

    /// <summary>
    /// The shard of a Slurm array task (SLURM_ARRAY_TASK_ID with TOPODSL_SHARD_COUNT, which the script of
    /// <c>slurm NAME</c> sets; or, for an array of its own, with SLURM_ARRAY_TASK_MIN and _MAX or SLURM_ARRAY_TASK_COUNT)
    /// or of a Kubernetes Indexed Job's pod (JOB_COMPLETION_INDEX with TOPODSL_JOB_COMPLETIONS, which the manifest of
    /// <c>k8s NAME</c> sets); <paramref name="source"/> says which.
    /// </summary>
    public static Shard FromEnvironment(Func<string, string?> variable, out string source)
    {
        if (Number(variable, "SLURM_ARRAY_TASK_ID") is int task)
        {
            // The count from the script itself: a task resubmitted alone (sbatch --array=3 SCRIPT) is still shard 3 of N.
            if (Number(variable, "TOPODSL_SHARD_COUNT") is int shards)
            {
                // One left in the environment from another sweep would map this array's ids onto the wrong shards.
                if (Number(variable, "SLURM_ARRAY_TASK_MAX") is int top && top >= shards)
                    throw new ExperimentException($"--shard auto: the array's task ids go up to {top} (SLURM_ARRAY_TASK_MAX), but TOPODSL_SHARD_COUNT is {shards}; "
                        + "the shards are the ids 0 to N-1: give --shard I/N, or unset TOPODSL_SHARD_COUNT if it is left from another sweep");
                source = $"Slurm array task {task} of {shards} shards (TOPODSL_SHARD_COUNT)";
                return Checked(task, shards, source);
            }
            // Otherwise the array's tasks must be the shards, every id from MIN to MAX; a stepped array or a resubmission of
            // some tasks is not, and guessing N from it would run other cells than the other tasks.
            const string giveIt = "give --shard I/N, or set TOPODSL_SHARD_COUNT to the number of shards";
            if (Number(variable, "SLURM_ARRAY_TASK_STEP") is int step && step != 1)
                throw new ExperimentException($"--shard auto: the array steps by {step} (SLURM_ARRAY_TASK_STEP), so its task ids are not the shards; {giveIt}");
            int? tasks = Number(variable, "SLURM_ARRAY_TASK_COUNT");
            if (Number(variable, "SLURM_ARRAY_TASK_MIN") is int min && Number(variable, "SLURM_ARRAY_TASK_MAX") is int max)
            {
                if (tasks is int n && n != max - min + 1)
                    throw new ExperimentException($"--shard auto: the array has {n} tasks between {min} and {max} (SLURM_ARRAY_TASK_COUNT), so its task ids are not the shards; {giveIt}");
                source = $"Slurm array task {task} of {min}-{max}";
                return Checked(task - min, max - min + 1, source);
            }
            if (tasks is int count)
            {
                source = $"Slurm array task {task} of {count}";
                return Checked(task, count, source);
            }
            throw new ExperimentException("--shard auto: SLURM_ARRAY_TASK_ID is set but neither TOPODSL_SHARD_COUNT, SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN and _MAX are");
        }
        if (Number(variable, "JOB_COMPLETION_INDEX") is int completion)
        {
            source = $"Kubernetes completion index {completion}";
            if (Number(variable, "TOPODSL_JOB_COMPLETIONS") is not int completions)
                throw new ExperimentException("--shard auto: JOB_COMPLETION_INDEX is set but TOPODSL_JOB_COMPLETIONS (the job's completions) is not");
            source += $" of {completions}";
            return Checked(completion, completions, source);
        }
        throw new ExperimentException("--shard auto: neither SLURM_ARRAY_TASK_ID (a Slurm job array) nor JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; give --shard I/N");
    }

    private static Shard Checked(int index, int count, string source) =>
        count >= 1 && index >= 0 && index < count ? new Shard(index, count) : throw new ExperimentException($"--shard auto: {source} is not a shard (index {index} of {count})");

    private static int? Number(Func<string, string?> variable, string name)
    {
        string? text = variable(name);
        if (string.IsNullOrEmpty(text)) return null;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ExperimentException($"--shard auto: {name}={text} is not a whole number");
    }
}
