using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// A sweep split into shards: every cell is run by exactly one shard for any number of shards, the shard comes from
/// the option or the scheduler's variables, and shards collected give the files of one machine, bit for bit.
/// </summary>
public sealed class ShardTests
{
    [Property(MaxTest = 300)]
    public void Every_cell_is_run_by_exactly_one_shard(PositiveInt shards, NonNegativeInt seeds, NonNegativeInt points)
    {
        int count = 1 + shards.Get % 64;
        var axis = new SweepAxis("lr", Enumerable.Range(1, 1 + points.Get % 7).Select(k => k * 0.01).ToArray(), TimesEtaStar: false);
        var cells = RunCell.Grid([axis], Enumerable.Range(0, seeds.Get % 9).Select(s => (ulong)s).ToList());

        foreach (var cell in cells)
            Assert.Equal(1, Enumerable.Range(0, count).Count(i => new Shard(i, count).Runs(cell)));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    public void A_shard_is_I_of_N(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Anything_else_is_refused_by_the_option(string text)
    {
        var error = Assert.Throws<ExperimentException>(() => Shard.Parse(text));
        Assert.Equal($"--shard {text}: give I/N with 0 <= I < N (e.g. 0/4), or auto", error.Message);
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=2,SLURM_ARRAY_TASK_COUNT=5", 2, 5, "Slurm array task 2 of 5")]
    [InlineData("SLURM_ARRAY_TASK_ID=5,SLURM_ARRAY_TASK_MIN=3,SLURM_ARRAY_TASK_MAX=6,SLURM_ARRAY_TASK_COUNT=4", 2, 4, "Slurm array task 5 of 3-6")]
    [InlineData("JOB_COMPLETION_INDEX=7,TOPODSL_JOB_COMPLETIONS=8", 7, 8, "Kubernetes completion index 7 of 8")]
    // The script's own count wins over the array's: a task resubmitted alone, or among some others, keeps its shard.
    [InlineData("SLURM_ARRAY_TASK_ID=3,TOPODSL_SHARD_COUNT=6,SLURM_ARRAY_TASK_MIN=3,SLURM_ARRAY_TASK_MAX=3,SLURM_ARRAY_TASK_COUNT=1", 3, 6, "Slurm array task 3 of 6 shards (TOPODSL_SHARD_COUNT)")]
    [InlineData("SLURM_ARRAY_TASK_ID=4,TOPODSL_SHARD_COUNT=6,SLURM_ARRAY_TASK_MIN=1,SLURM_ARRAY_TASK_MAX=4,SLURM_ARRAY_TASK_COUNT=2,SLURM_ARRAY_TASK_STEP=3", 4, 6, "Slurm array task 4 of 6 shards (TOPODSL_SHARD_COUNT)")]
    public void Auto_reads_the_scheduler_and_says_which(string variables, int index, int count, string source)
    {
        var shard = Shard.FromEnvironment(Variables(variables), out string used);
        Assert.Equal((new Shard(index, count), source), (shard, used));
    }

    [Theory]
    [InlineData("", "neither SLURM_ARRAY_TASK_ID")]
    [InlineData("SLURM_ARRAY_TASK_ID=1", "neither TOPODSL_SHARD_COUNT, SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MIN")]
    [InlineData("SLURM_ARRAY_TASK_ID=x,SLURM_ARRAY_TASK_COUNT=2", "SLURM_ARRAY_TASK_ID=x is not a whole number")]
    [InlineData("SLURM_ARRAY_TASK_ID=4,SLURM_ARRAY_TASK_COUNT=4", "is not a shard (index 4 of 4)")]
    [InlineData("JOB_COMPLETION_INDEX=0", "TOPODSL_JOB_COMPLETIONS (the job's completions) is not")]
    [InlineData("SLURM_ARRAY_TASK_ID=2,SLURM_ARRAY_TASK_MIN=0,SLURM_ARRAY_TASK_MAX=4,SLURM_ARRAY_TASK_COUNT=3,SLURM_ARRAY_TASK_STEP=2", "the array steps by 2")]
    [InlineData("SLURM_ARRAY_TASK_ID=3,SLURM_ARRAY_TASK_MIN=1,SLURM_ARRAY_TASK_MAX=3,SLURM_ARRAY_TASK_COUNT=2", "the array has 2 tasks between 1 and 3")]
    [InlineData("SLURM_ARRAY_TASK_ID=6,TOPODSL_SHARD_COUNT=6", "is not a shard (index 6 of 6)")]
    [InlineData("SLURM_ARRAY_TASK_ID=1,TOPODSL_SHARD_COUNT=4,SLURM_ARRAY_TASK_MIN=1,SLURM_ARRAY_TASK_MAX=4,SLURM_ARRAY_TASK_COUNT=4", "go up to 4 (SLURM_ARRAY_TASK_MAX), but TOPODSL_SHARD_COUNT is 4")]
    public void Auto_without_a_scheduler_is_one_clear_error(string variables, string message)
    {
        var error = Assert.Throws<ExperimentException>(() => Shard.FromEnvironment(Variables(variables), out _));
        Assert.StartsWith("--shard auto: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Shards_collected_give_the_files_of_one_machine_bit_for_bit()
    {
        using var whole = new TempFolder();
        using var sharded = new TempFolder();
        var definition = TinyLandscape.Definition();
        ExperimentRunner.Run(new ResolvedExperiment(definition, quick: false), whole.Path, 1, RunObservers.None);
        var experiment = new ResolvedExperiment(definition, quick: false);
        foreach (int i in new[] { 2, 0, 1 }) ExperimentRunner.RunShard(experiment, sharded.Path, new Shard(i, 3), null, 1, RunObservers.None);
        Assert.False(File.Exists(Path.Combine(sharded.Path, "results.json"))); // no shard writes the merged results

        var outcome = ExperimentRunner.Collect(sharded.Path, [definition], 1, RunObservers.None);

        Assert.Empty(outcome.Missing);
        var files = Files(whole.Path);
        Assert.Equal(files, Files(sharded.Path).Where(f => !f.StartsWith("shards", StringComparison.Ordinal)));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(whole.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(sharded.Path, file))), $"{file} differs");
    }

    [Fact]
    public void Collect_names_the_cells_of_a_shard_not_run_with_the_command_that_runs_them_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var definition = TinyExperiments.FigureEight(neurons: 16, epochs: 1, samples: 100, seeds: 2);
        var experiment = new ResolvedExperiment(definition, quick: false, seeds: 2);
        foreach (int i in new[] { 0, 2 }) ExperimentRunner.RunShard(experiment, folder.Path, new Shard(i, 3), 2, 1, RunObservers.None);

        var outcome = ExperimentRunner.Collect(folder.Path, [definition], 1, RunObservers.None);

        Assert.Null(outcome.Results);
        var expected = experiment.Cells.Where(new Shard(1, 3).Runs).Select(c => new MissingCell(c.Id, $"run TinyFigureEight --out {folder.Path} --shard 1/3 --seeds 2"));
        Assert.Equal(expected, outcome.Missing);
        Assert.False(File.Exists(Path.Combine(folder.Path, "results.json")));
    }

    [Fact]
    public void A_shard_of_another_N_is_refused_before_it_runs_anything_until_the_records_are_removed()
    {
        using var folder = new TempFolder();
        var definition = TinyExperiments.FigureEight(neurons: 16, epochs: 1, samples: 100, seeds: 2);
        var experiment = new ResolvedExperiment(definition, quick: false, seeds: 2);
        ExperimentRunner.RunShard(experiment, folder.Path, new Shard(0, 3), 2, 1, RunObservers.None);
        var before = Files(folder.Path);

        var error = Assert.Throws<ExperimentException>(() => ExperimentRunner.RunShard(experiment, folder.Path, new Shard(1, 2), 2, 1, RunObservers.None));

        Assert.StartsWith("--shard 1/2: ", error.Message);
        Assert.Contains("sharded 3 ways", error.Message);
        Assert.Equal(before, Files(folder.Path));
        Directory.Delete(Path.Combine(folder.Path, "shards"), recursive: true);
        ExperimentRunner.RunShard(experiment, folder.Path, new Shard(1, 2), 2, 1, RunObservers.None);
        Assert.True(File.Exists(Path.Combine(folder.Path, "shards", "1-of-2.json")));
    }

    [Fact]
    public void A_shard_of_another_sweep_with_the_same_N_is_refused_and_one_of_the_same_cells_is_collected()
    {
        using var folder = new TempFolder();
        var definition = TinyExperiments.FigureEight(neurons: 16, epochs: 1, samples: 100, seeds: 2);
        ExperimentRunner.RunShard(new ResolvedExperiment(definition, quick: false), folder.Path, new Shard(0, 2), null, 1, RunObservers.None);
        var before = Files(folder.Path);

        // --seeds 1 runs other cells, some of them shard 0's: two processes could have written one cell.
        var error = Assert.Throws<ExperimentException>(() =>
            ExperimentRunner.RunShard(new ResolvedExperiment(definition, quick: false, seeds: 1), folder.Path, new Shard(1, 2), 1, 1, RunObservers.None));
        Assert.StartsWith("--shard 1/2: the shards in ", error.Message);
        Assert.Contains("run another sweep", error.Message);
        Assert.Equal(before, Files(folder.Path));

        // --seeds 2 is the declared count: the same cells, so the same sweep, and collect merges it.
        ExperimentRunner.RunShard(new ResolvedExperiment(definition, quick: false, seeds: 2), folder.Path, new Shard(1, 2), 2, 1, RunObservers.None);
        var outcome = ExperimentRunner.Collect(folder.Path, [definition], 1, RunObservers.None);
        Assert.Empty(outcome.Missing);
        Assert.NotNull(outcome.Results);
    }

    [Fact]
    public void A_folder_sharded_before_the_sweep_claim_is_checked_against_its_records_and_not_claimed_by_a_refused_shard()
    {
        using var folder = new TempFolder();
        var definition = TinyExperiments.FigureEight(neurons: 16, epochs: 1, samples: 100, seeds: 2);
        var experiment = new ResolvedExperiment(definition, quick: false);
        ExperimentRunner.RunShard(experiment, folder.Path, new Shard(0, 3), null, 1, RunObservers.None);
        string claim = Path.Combine(folder.Path, "shards", "sweep.txt");
        File.Delete(claim);   // as a folder sharded before the claim existed: records only

        var otherCount = Assert.Throws<ExperimentException>(() => ExperimentRunner.RunShard(experiment, folder.Path, new Shard(1, 2), null, 1, RunObservers.None));
        var otherSweep = Assert.Throws<ExperimentException>(() =>
            ExperimentRunner.RunShard(new ResolvedExperiment(definition, quick: false, seeds: 1), folder.Path, new Shard(1, 3), 1, 1, RunObservers.None));

        Assert.Contains("sharded 3 ways (shards/0-of-3.json)", otherCount.Message);
        Assert.Contains("run another sweep", otherSweep.Message);
        Assert.False(File.Exists(claim));
        ExperimentRunner.RunShard(experiment, folder.Path, new Shard(1, 3), null, 1, RunObservers.None);
        Assert.Equal("shards 3", File.ReadLines(claim).First());
    }

    [Fact]
    public void A_whole_run_into_a_folder_whose_sweep_is_sharded_is_refused_before_it_runs_anything()
    {
        using var folder = new TempFolder();
        var definition = TinyExperiments.FigureEight(neurons: 16, epochs: 1, samples: 100, seeds: 2);
        var experiment = new ResolvedExperiment(definition, quick: false);
        ExperimentRunner.RunShard(experiment, folder.Path, new Shard(0, 2), null, 1, RunObservers.None);
        var before = Files(folder.Path);

        var error = Assert.Throws<ExperimentException>(() => ExperimentRunner.Run(experiment, folder.Path, 1, RunObservers.None));

        Assert.StartsWith($"--out {folder.Path}: its sweep is run in shards", error.Message);
        Assert.Equal(before, Files(folder.Path));
    }

    [Theory]
    [InlineData("""{"experiment":"TinyFigureEight","quick":false,"seeds":null,"shard":null,"cells":[],"runs":[]}""", "not a shard record")]
    [InlineData("""{"experiment":"TinyFigureEight","quick":false,"seeds":null,"shard":"0/1","cells":null,"runs":[]}""", "not a shard record")]
    [InlineData("""{"experiment":"TinyFigureEight","shard":"7/1","cells":[],"runs":[]}""", "not a shard record (its shard reads '7/1'")]
    [InlineData("""{"experiment":""", "not a shard record")]
    public void A_damaged_shard_record_is_named_by_run_and_by_collect(string json, string message)
    {
        using var folder = new TempFolder();
        var definition = TinyExperiments.FigureEight(neurons: 16, epochs: 1, samples: 100, seeds: 1, sweep: [new SweepAxis("lr", [0.5], TimesEtaStar: true)]);
        var experiment = new ResolvedExperiment(definition, quick: false);
        ExperimentRunner.RunShard(experiment, folder.Path, new Shard(0, 1), null, 1, RunObservers.None);
        string record = Path.Combine(folder.Path, "shards", "0-of-1.json");
        File.WriteAllText(record, json);

        var run = Assert.Throws<ExperimentException>(() => ExperimentRunner.RunShard(experiment, folder.Path, new Shard(0, 1), null, 1, RunObservers.None));
        var collect = Assert.Throws<ExperimentException>(() => ExperimentRunner.Collect(folder.Path, [definition], 1, RunObservers.None));

        Assert.All(new[] { run, collect }, e => Assert.StartsWith($"{record}: {message}", e.Message));
    }

    [Fact]
    public void Collects_hint_for_a_missing_shard_is_a_command_line_that_runs_it()
    {
        using var folder = new TempFolder();
        string sweep = Path.Combine(folder.Path, "it's a sweep");
        ExampleProgram.Run("run", "CriticalPoint", "--quick", "--out", sweep, "--shard", "0/2");

        var (code, stdout, stderr) = ExampleProgram.Start(null, "collect", sweep);

        Assert.Equal(ExperimentApp.IncompleteSweep, code);
        Assert.Equal("", stdout);
        var hints = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().ToList();
        string hint = Assert.Single(hints);   // every missing cell is shard 1's
        Assert.Contains("--shard 1/2", hint);
        var rerun = OracleTools.Run("/bin/sh", ["-c", hint], timeoutSeconds: 600);
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        ExampleProgram.Run("collect", sweep);
        Assert.True(File.Exists(Path.Combine(sweep, "results.json")));
    }

    [Fact]
    public void Collect_refuses_a_folder_without_shards_or_of_a_program_that_does_not_declare_its_experiment()
    {
        using var folder = new TempFolder();
        var definition = TinyExperiments.FigureEight(neurons: 16, epochs: 1, samples: 100, seeds: 1, sweep: [new SweepAxis("lr", [0.5], TimesEtaStar: true)]);
        var none = Assert.Throws<ExperimentException>(() => ExperimentRunner.Collect(folder.Path, [definition], 1, RunObservers.None));
        Assert.Contains("no declaration.txt there", none.Message);
        ExperimentRunner.RunShard(new ResolvedExperiment(definition, quick: false), folder.Path, new Shard(0, 1), null, 1, RunObservers.None);
        var other = Assert.Throws<ExperimentException>(() => ExperimentRunner.Collect(folder.Path, [TinyLandscape.Definition()], 1, RunObservers.None));
        Assert.Contains("its shards ran the experiment 'TinyFigureEight', which this program does not declare", other.Message);
    }

    private static Func<string, string?> Variables(string text)
    {
        var pairs = text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        return name => pairs.GetValueOrDefault(name);
    }

    private static List<string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();
}
