using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void A_tiny_sweep_writes_every_run_with_its_measurements()
    {
        using var folder = new TempFolder();
        var experiment = new ResolvedExperiment(TinyExperiments.FigureEight(), quick: false);
        var results = ExperimentRunner.Run(experiment, folder.Path, threads: 1, RunObservers.None);
        Assert.Equal(4, results.Runs.Count);
        foreach (var run in results.Runs)
        {
            Assert.True(run.K > 0);
            Assert.Equal(run.Sweep["lrTimesEtaStar"] / run.K, run.Eta, 12);
            Assert.Equal(run.Betti.Count, run.PersistentBetti.Count);
            Assert.True(run.Certificate.Applies);
            Assert.NotNull(run.Certificate.Held);
            Assert.True(File.Exists(Path.Combine(folder.Path, "curves", run.Cell, "loss.csv")));
        }
        Assert.True(File.Exists(Path.Combine(folder.Path, "results.json")));
        var back = ResultFiles.ReadAll(Path.Combine(folder.Path, "results.json"));
        Assert.Equal(results.Runs.Select(r => r.TestLoss), back.Runs.Select(r => r.TestLoss));
    }
}
