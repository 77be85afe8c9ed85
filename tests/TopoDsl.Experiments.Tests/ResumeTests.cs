using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// A run stopped at any step and started again with the same call ends with the same files, to the last bit, as a run
/// never stopped; finished runs are kept; a folder of another declaration is refused.
/// </summary>
public sealed class ResumeTests
{
    // 4 runs (Adam, whose m and v a checkpoint must carry) of 3 epochs x 10 batches = 30 steps; checkpoints every 7 steps
    // (7, 14, 21, 28, 30); K every 5.
    private static ExperimentDefinition Experiment()
    {
        var tiny = TinyExperiments.FigureEight(neurons: 24, epochs: 3, samples: 450, batch: 32, seeds: 2, sweep: [new SweepAxis("lr", [0.01, 0.05])]);
        return tiny with
        {
            Optimizer = TinyExperiments.AdamChoice(),
            Tracking = tiny.Tracking with { PersistenceEvery = 7, SharpnessEvery = 5, Topology = tiny.Tracking.Topology with { MaxPoints = 20 } },
        };
    }

    [Theory]
    [InlineData(0, 1)]   // before the first checkpoint: starts over
    [InlineData(0, 14)]  // right after a checkpoint was saved
    [InlineData(0, 17)]  // between checkpoints: replays from step 14
    [InlineData(2, 29)]  // in the third run, after two finished ones
    public void A_run_stopped_and_started_again_ends_with_the_same_files_as_one_never_stopped(int run, int step)
    {
        using var whole = new TempFolder();
        using var resumed = new TempFolder();
        var experiment = new ResolvedExperiment(Experiment(), quick: false);
        ExperimentRunner.Run(experiment, whole.Path, threads: 1, RunObservers.None);

        using (var stop = new CancellationTokenSource())
        {
            var observer = new StopAt(experiment.Cells[run], step, stop);
            Assert.Throws<OperationCanceledException>(() => ExperimentRunner.Run(experiment, resumed.Path, 1, observer, stop.Token));
        }
        var finishedBefore = FinishedRuns(resumed.Path);
        Assert.Equal(run, finishedBefore.Count);
        var resuming = new Recorder();
        ExperimentRunner.Run(experiment, resumed.Path, 1, resuming);

        Assert.Equal(run, resuming.Skipped);
        foreach (var (file, written) in finishedBefore)
            Assert.Equal(written, File.GetLastWriteTimeUtc(file)); // a finished run is kept, not run again
        AssertSameFiles(whole.Path, resumed.Path);
    }

    [Fact]
    public void A_folder_made_by_another_declaration_is_refused_with_what_differs()
    {
        using var folder = new TempFolder();
        ExperimentRunner.Run(new ResolvedExperiment(Experiment(), quick: false), folder.Path, 1, RunObservers.None);
        var other = Experiment() with { Schedule = Experiment().Schedule with { Epochs = 4 } };
        var error = Assert.Throws<ExperimentException>(() => ExperimentRunner.Run(new ResolvedExperiment(other, quick: false), folder.Path, 1, RunObservers.None));
        Assert.Contains("different declaration", error.Message);
        Assert.Contains("epochs=4", error.Message);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_one_clear_error()
    {
        using var folder = new TempFolder();
        string file = folder.File("not a folder");
        var error = Assert.Throws<ExperimentException>(() =>
            ExperimentRunner.Run(new ResolvedExperiment(Experiment(), quick: false), Path.Combine(file, "out"), 1, RunObservers.None));
        Assert.StartsWith("--out ", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void A_diverging_run_is_recorded_at_its_step_and_the_others_go_on()
    {
        using var folder = new TempFolder();
        var tiny = TinyExperiments.FigureEight(neurons: 24, epochs: 3, samples: 450, batch: 32, seeds: 1,
            sweep: [new SweepAxis("lr", [0.5, 400], TimesEtaStar: true)]);
        var results = ExperimentRunner.Run(new ResolvedExperiment(tiny, quick: false), folder.Path, 1, RunObservers.None);
        Assert.Equal(2, results.Runs.Count);
        Assert.False(results.Runs[0].Diverged);
        Assert.True(results.Runs[1].Diverged);
        Assert.NotNull(results.Runs[1].DivergedAtStep);
        Assert.False(results.Runs[1].TopologyPreserved);
        Assert.True(File.Exists(Path.Combine(folder.Path, "runs", results.Runs[1].Cell, "result.json")));
        // Its table row and report name the step of its last Betti numbers, which come before the divergence, not at the end.
        var diverged = results.Runs[1];
        Assert.True(diverged.Betti[^1].Step <= diverged.DivergedAtStep);
        Assert.EndsWith($" at step {diverged.Betti[^1].Step}", RunCells.Change(diverged, diverged.Betti));
        Assert.EndsWith($" at step {diverged.Betti[^1].Step}", RunCells.Last(diverged, diverged.PersistentBetti));
        Assert.DoesNotContain(" at step", RunCells.Change(results.Runs[0], results.Runs[0].Betti));
    }

    [Fact]
    public void A_step_that_sends_the_neurons_to_infinity_at_a_checkpoint_is_recorded_as_diverged_there()
    {
        // The loss of step 1 is still finite (it is taken before the update); the update is not: a step size beyond
        // float32's range makes every weight infinite or NaN, and step 1 is a persistence checkpoint.
        using var folder = new TempFolder();
        var tiny = TinyExperiments.FigureEight(neurons: 24, epochs: 1, samples: 200, batch: 32, seeds: 1,
            sweep: [new SweepAxis("lr", [1e39], TimesEtaStar: false)]) with
        {
            Tracking = TinyExperiments.FigureEight().Tracking with { PersistenceEvery = 1 },
        };
        var results = ExperimentRunner.Run(new ResolvedExperiment(tiny, quick: false), folder.Path, 1, RunObservers.None);
        var run = Assert.Single(results.Runs);
        Assert.True(run.Diverged);
        Assert.Equal(1, run.DivergedAtStep);
        Assert.False(run.TopologyPreserved);
    }

    private static Dictionary<string, DateTime> FinishedRuns(string root) =>
        Directory.Exists(Path.Combine(root, "runs"))
            ? Directory.GetFiles(Path.Combine(root, "runs"), "result.json", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc)
            : [];

    private static void AssertSameFiles(string expected, string actual)
    {
        static List<string> Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Where(f => !f.EndsWith(".bin", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var names = Files(expected);
        Assert.Equal(names, Files(actual));
        Assert.Contains(names, n => n.StartsWith("clouds", StringComparison.Ordinal));
        foreach (var name in names)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name))), $"{name} differs");
    }

    private sealed class StopAt(RunCell cell, int step, CancellationTokenSource stop) : IRunObserver
    {
        public void RunStarted(RunCell c, RunResult result, int totalSteps, int? resumedAt) { }
        public void StepDone(RunCell c, int s, double loss)
        {
            if (c.Id == cell.Id && s == step) stop.Cancel();
        }
        public void RunFinished(RunCell c, RunResult result) { }
        public void RunSkipped(RunCell c) { }
    }

    private sealed class Recorder : IRunObserver
    {
        public int Skipped { get; private set; }
        public void RunStarted(RunCell c, RunResult result, int totalSteps, int? resumedAt) { }
        public void StepDone(RunCell c, int s, double loss) { }
        public void RunFinished(RunCell c, RunResult result) { }
        public void RunSkipped(RunCell c) => Skipped++;
    }
}
