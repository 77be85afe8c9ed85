using System.Diagnostics;
using TopoDsl.Experiments.Hosting;
using TopoDsl.Experiments.Running;

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
        Assert.Contains("#SBATCH --output=\"/data/runs of mine/slurm/%A_%a.out\"", lines);
        Assert.Contains("#SBATCH --mem=4G", lines);
        Assert.Contains("#SBATCH --time=01:00:00", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("#SBATCH --partition", StringComparison.Ordinal));
        Assert.Equal("export TOPODSL_SHARD_COUNT=6", lines[^2]);
        Assert.Equal("exec /usr/bin/dotnet '/opt/my app/Sweep.dll' run CriticalPoint --out '/data/runs of mine' --shard auto --threads 4 --quick --seeds 3", lines[^1]);
    }

    [Theory]
    [InlineData("/data/plain", "/data/plain/slurm/%A_%a.out")]
    [InlineData("/data/100%done", "/data/100%%done/slurm/%A_%a.out")]
    [InlineData("/data/say \"hi\"", "\"/data/say \\\"hi\\\"/slurm/%A_%a.out\"")]
    [InlineData("/data/run#2", "\"/data/run#2/slurm/%A_%a.out\"")]
    [InlineData("/data/it's", "\"/data/it's/slurm/%A_%a.out\"")]
    public void The_log_folder_reaches_sbatch_as_one_word_with_its_percent_signs_doubled(string output, string directive)
    {
        var job = new SlurmJob("/opt/sweep", "CriticalPoint", output, 2, 1, 1, Quick: true, Seeds: null);
        Assert.Contains($"#SBATCH --output={directive}", job.Script().Split('\n'));
    }

    [Fact]
    public void A_folder_with_a_backslash_is_refused_because_slurm_would_not_expand_the_task_in_its_log_path()
    {
        var job = new SlurmJob("/opt/sweep", "CriticalPoint", "/data/back\\slash", 2, 1, 1, Quick: true, Seeds: null);
        Assert.StartsWith("--out /data/back\\slash: Slurm reads a backslash", Assert.Throws<ExperimentException>(job.Script).Message);
    }

    [Fact]
    public void A_folder_with_a_line_break_is_refused_rather_than_written_into_the_script()
    {
        var job = new SlurmJob("/opt/sweep", "CriticalPoint", "/tmp/x\ntouch /tmp/PWNED #", 2, 1, 1, Quick: true, Seeds: null);
        var error = Assert.Throws<ExperimentException>(job.Script);
        Assert.StartsWith("--out /tmp/x\\ntouch /tmp/PWNED #: a line break", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Theory]
    [InlineData("plain/path-1.dll", "plain/path-1.dll")]
    [InlineData("it's here", "'it'\\''s here'")]
    [InlineData("", "''")]
    public void Words_are_quoted_for_bash_when_they_need_it(string word, string quoted) => Assert.Equal(quoted, ShardCommandLine.Quote(word));

    [Theory]
    [InlineData("--mem", "4 GB")]
    [InlineData("--mem", "4GB")]
    [InlineData("--time", "2h")]
    [InlineData("--time", "1-2:3:4:5")]
    [InlineData("--partition", "gpu; rm -rf ~")]
    public void Resources_sbatch_would_refuse_are_refused_by_name_with_exit_code_2(string option, string value)
    {
        using var folder = new TempFolder();
        var (code, stdout, stderr) = ExampleProgram.Start(null, "slurm", "CriticalPoint", "--quick", "--out", folder.Path, option, value);

        Assert.True(code == 2, $"exit {code}: {stderr}");
        Assert.StartsWith($"TopologicalInvariance: {option} {value}:", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "slurm")));
    }

    [Theory]
    [InlineData("4G", "45", true)]
    [InlineData("512", "30:00", true)]
    [InlineData("16384M", "02:00:00", true)]
    [InlineData("1T", "1-12", true)]
    [InlineData("1T", "2-00:30:00", true)]
    [InlineData("4 G", "02:00:00", false)]
    [InlineData("4G", "2 hours", false)]
    public void The_forms_of_mem_and_time_are_sbatchs(string memory, string time, bool valid) =>
        Assert.Equal(valid, SlurmJob.IsMemory(memory) && SlurmJob.IsTimeLimit(time));

    [SlurmFact]
    public void The_quick_CriticalPoint_sweep_as_a_Slurm_job_array_collects_to_the_files_of_one_machine()
    {
        using var cluster = new SlurmCluster();
        using var folder = new TempFolder();
        // A folder with a space and a %, which sbatch reads only quoted and doubled in the log pattern.
        string one = Path.Combine(folder.Path, "one"), array = Path.Combine(folder.Path, "array of 100%");

        ExampleProgram.Run("run", "CriticalPoint", "--quick", "--out", one);
        ExampleProgram.Run("slurm", "CriticalPoint", "--quick", "--out", array, "--shards", "4", "--parallel", "2", "--submit", "--wait");
        Assert.Equal(4, Directory.GetFiles(Path.Combine(array, "shards"), "*-of-4.json").Length); // every task ran its shard
        Assert.Equal(4, Directory.GetFiles(Path.Combine(array, "slurm"), "*_*.out").Length);     // and logged where the script says
        Assert.False(File.Exists(Path.Combine(array, "results.json")));
        ExampleProgram.Run("collect", array);

        ExampleProgram.AssertSameFiles(one, array, except: ["shards", "slurm"]);
    }

    [SlurmFact]
    public void A_task_requeued_part_way_repeats_nothing_finished_and_the_collected_sweep_is_still_the_same()
    {
        using var cluster = new SlurmCluster();
        using var folder = new TempFolder();
        string one = Path.Combine(folder.Path, "one"), array = Path.Combine(folder.Path, "array");
        ExampleProgram.Run("run", "CriticalPoint", "--quick", "--out", one);

        // Task 0 runs cells 0, 2 and 4; it is requeued (killed and started again) part-way through cell 2.
        string submitted = ExampleProgram.Run("slurm", "CriticalPoint", "--quick", "--out", array, "--shards", "2", "--submit");
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
        ExampleProgram.Run("collect", array);

        Assert.Equal(finishedAt, File.GetLastWriteTimeUtc(firstDone)); // the cell finished before the requeue was not run again
        ExampleProgram.AssertSameFiles(one, array, except: ["shards", "slurm"]);
    }

    [SlurmFact]
    public void A_task_cancelled_part_way_and_submitted_again_alone_keeps_its_shard_and_the_collected_sweep_is_the_same()
    {
        using var cluster = new SlurmCluster();
        using var folder = new TempFolder();
        string one = Path.Combine(folder.Path, "one"), array = Path.Combine(folder.Path, "array");
        ExampleProgram.Run("run", "CriticalPoint", "--quick", "--out", one);

        // Task 1 runs cells 1, 3 and 5; it is cancelled part-way through cell 3 and then submitted again on its own
        // (sbatch --array=1), where Slurm's own variables describe an array of one task: the script's shard count keeps it 1/2.
        string submitted = ExampleProgram.Run("slurm", "CriticalPoint", "--quick", "--out", array, "--shards", "2", "--submit");
        string job = System.Text.RegularExpressions.Regex.Match(submitted, @"Submitted batch job (\d+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(job), submitted);
        string firstDone = Path.Combine(array, "runs", "lr=0.5etastar_seed=0", "result.json");
        string partWay = Path.Combine(array, "runs", "lr=1.1etastar_seed=0", "checkpoint.bin");
        Assert.True(WaitFor(() => File.Exists(partWay), TimeSpan.FromMinutes(5)), "task 1 never reached a checkpoint of its second cell");
        var finishedAt = File.GetLastWriteTimeUtc(firstDone);
        var (code, _, error) = OracleTools.Run("scancel", [$"{job}_1"], timeoutSeconds: 60);
        Assert.True(code == 0, $"scancel: {error}");
        Assert.True(WaitFor(() => OracleTools.Run("squeue", ["-h", "-j", job], timeoutSeconds: 60).Stdout.Trim().Length == 0, TimeSpan.FromMinutes(10)),
            "the job array did not end");
        Assert.False(File.Exists(Path.Combine(array, "runs", "lr=4etastar_seed=0", "result.json")));   // task 1's last cell was never reached

        var again = OracleTools.Run("sbatch", ["--wait", "--array=1", Path.Combine(array, "slurm", "CriticalPoint.sbatch")], timeoutSeconds: 600);
        Assert.True(again.ExitCode == 0, $"sbatch --array=1: {again.Stderr}");
        ExampleProgram.Run("collect", array);

        Assert.Equal(finishedAt, File.GetLastWriteTimeUtc(firstDone)); // the cell finished before the cancel was not run again
        Assert.Equal(["1-of-2.json", "0-of-2.json"], Directory.GetFiles(Path.Combine(array, "shards"), "*.json").Select(Path.GetFileName).OrderDescending());
        ExampleProgram.AssertSameFiles(one, array, except: ["shards", "slurm"]);
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
}
