using System.Diagnostics;
using TopoDsl.Experiments.Hosting;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// The sbatch script of <c>slurm NAME</c>, and the example's quick CriticalPoint sweep submitted to a real single-node
/// Slurm cluster as a job array, collected, and compared with the same sweep run on one machine.
/// </summary>
public sealed class SlurmTests
{
    [Fact]
    public void The_script_is_a_job_array_of_one_shard_per_task_with_the_options_given()
    {
        var job = new SlurmJob("/usr/bin/dotnet '/opt/my app/Sweep.dll'", "CriticalPoint", "/data/runs of mine", 6, 2, 4, Quick: true, Seeds: 3, Memory: "4G", Time: "01:00:00");

        string[] lines = job.Script().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("#!/bin/bash", lines[0]);
        Assert.Contains("#SBATCH --array=0-5%2", lines);
        Assert.Contains("#SBATCH --cpus-per-task=4", lines);
        Assert.Contains("#SBATCH --output=/data/runs of mine/slurm/%A_%a.out", lines);
        Assert.Contains("#SBATCH --mem=4G", lines);
        Assert.Contains("#SBATCH --time=01:00:00", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("#SBATCH --partition", StringComparison.Ordinal));
        Assert.Equal("exec /usr/bin/dotnet '/opt/my app/Sweep.dll' run CriticalPoint --out '/data/runs of mine' --shard auto --threads 4 --quick --seeds 3", lines[^1]);
    }

    [Theory]
    [InlineData("plain/path-1.dll", "plain/path-1.dll")]
    [InlineData("it's here", "'it'\\''s here'")]
    [InlineData("", "''")]
    public void Words_are_quoted_for_bash_when_they_need_it(string word, string quoted) => Assert.Equal(quoted, SlurmJob.Quote(word));

    [SlurmFact]
    public void The_quick_CriticalPoint_sweep_as_a_Slurm_job_array_collects_to_the_files_of_one_machine()
    {
        using var cluster = new SlurmCluster();
        using var folder = new TempFolder();
        string one = Path.Combine(folder.Path, "one"), array = Path.Combine(folder.Path, "array");

        Example("run", "CriticalPoint", "--quick", "--out", one);
        Example("slurm", "CriticalPoint", "--quick", "--out", array, "--shards", "4", "--parallel", "2", "--submit", "--wait");
        Assert.Equal(4, Directory.GetFiles(Path.Combine(array, "shards"), "*-of-4.json").Length); // every task ran its shard
        Assert.False(File.Exists(Path.Combine(array, "results.json")));
        Example("collect", array);

        var files = Files(one);
        Assert.Contains("results.json", files);
        Assert.Equal(files, Files(array).Where(f => !f.StartsWith("shards", StringComparison.Ordinal) && !f.StartsWith("slurm", StringComparison.Ordinal)));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(array, file))), $"{file} differs");
    }

    [SlurmFact]
    public void A_task_requeued_part_way_repeats_nothing_finished_and_the_collected_sweep_is_still_the_same()
    {
        using var cluster = new SlurmCluster();
        using var folder = new TempFolder();
        string one = Path.Combine(folder.Path, "one"), array = Path.Combine(folder.Path, "array");
        Example("run", "CriticalPoint", "--quick", "--out", one);

        // Task 0 runs cells 0, 2 and 4; it is requeued (killed and started again) part-way through cell 2.
        string submitted = Example("slurm", "CriticalPoint", "--quick", "--out", array, "--shards", "2", "--submit");
        string job = System.Text.RegularExpressions.Regex.Match(submitted, @"Submitted batch job (\d+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(job), submitted);
        string firstDone = Path.Combine(array, "runs", "lr=0.25etastar_seed=0", "result.json");
        string partWay = Path.Combine(array, "runs", "lr=0.9etastar_seed=0", "checkpoint.bin");
        Assert.True(WaitFor(() => File.Exists(partWay), TimeSpan.FromMinutes(5)), "task 0 never reached a checkpoint of its second cell");
        var finishedAt = File.GetLastWriteTimeUtc(firstDone);
        var (code, _, error) = OracleTools.Run("scontrol", ["requeue", $"{job}_0"], timeoutSeconds: 60);
        Assert.True(code == 0, $"scontrol requeue: {error}");
        Assert.True(WaitFor(() => OracleTools.Run("squeue", ["-h", "-j", job], timeoutSeconds: 60).Stdout.Trim().Length == 0, TimeSpan.FromMinutes(10)),
            "the job array did not end");
        Assert.Contains("Restarts=1", OracleTools.Run("scontrol", ["show", "job", $"{job}_0"], timeoutSeconds: 60).Stdout);
        Example("collect", array);

        Assert.Equal(finishedAt, File.GetLastWriteTimeUtc(firstDone)); // the cell finished before the requeue was not run again
        var files = Files(one);
        Assert.Equal(files, Files(array).Where(f => !f.StartsWith("shards", StringComparison.Ordinal) && !f.StartsWith("slurm", StringComparison.Ordinal)));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(array, file))), $"{file} differs");
    }

    private static bool WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (condition()) return true;
            Thread.Sleep(20);
        }
        return condition();
    }

    private static string Example(params string[] arguments)
    {
        string dll = Path.Combine(Repository.Root, "examples", "TopologicalInvariance", "bin", Configuration, "net10.0", "TopologicalInvariance.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host : OracleTools.FindExecutable("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        var (code, stdout, stderr) = OracleTools.Run(dotnet, [dll, .. arguments], timeoutSeconds: 600);
        Assert.True(code == 0, $"{string.Join(" ", arguments)} exited with {code}: {stderr}{stdout}");
        return stdout;
    }

    private static List<string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
