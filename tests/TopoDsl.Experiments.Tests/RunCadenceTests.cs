using System.Globalization;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;
using Xunit;

namespace TopoDsl.Experiments.Tests;

public sealed class RunCadenceTests
{
    [Fact]
    public void A_run_has_the_declared_number_of_checkpoints_after_step_0_when_its_steps_do_not_divide_evenly()
    {
        // 280 training samples in batches of 32: 9 steps an epoch (the last short), 27 in all, for 4 checkpoints (every 7: 7, 14, 21, 27).
        using var folder = new TempFolder();
        var tiny = TinyExperiments.FigureEight(neurons: 24, epochs: 3, samples: 400, batch: 32, seeds: 1, checkpoints: 4,
            sweep: [new SweepAxis("lr", [0.01])]);
        var run = Assert.Single(ExperimentRunner.Run(new ResolvedExperiment(tiny, quick: false), folder.Path, 1, RunObservers.None).Runs);
        Assert.Equal(27, run.Steps);
        Assert.Equal([0, 7, 14, 21, 27], run.PersistentBetti.Select(b => b.Step));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_whole_set_train_loss_is_measured_at_the_start_and_the_end_unless_asked_for_at_every_checkpoint(bool atCheckpoints)
    {
        using var folder = new TempFolder();
        var tiny = TinyExperiments.FigureEight(neurons: 24, epochs: 3, samples: 400, batch: 32, seeds: 1, checkpoints: 4, sweep: [new SweepAxis("lr", [0.01])]);
        tiny = tiny with { Tracking = tiny.Tracking with { TrainLossAtCheckpoints = atCheckpoints } };
        var run = Assert.Single(ExperimentRunner.Run(new ResolvedExperiment(tiny, quick: false), folder.Path, 1, RunObservers.None).Runs);

        var rows = File.ReadAllLines(Path.Combine(new RunFolders(folder.Path).Curves(run.Cell), "evaluation.csv")).Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(["0", "7", "14", "21", "27"], rows.Select(r => r[0]));
        var measured = rows.Where(r => r[1] != "").Select(r => r[0]).ToList();
        Assert.Equal(atCheckpoints ? ["0", "7", "14", "21", "27"] : ["0", "27"], measured);
        Assert.All(rows, r => Assert.True(double.Parse(r[2], CultureInfo.InvariantCulture) > 0)); // the test loss at every checkpoint
        Assert.Equal(double.Parse(rows[^1][1], CultureInfo.InvariantCulture), run.TrainLoss);
    }

    [Fact]
    public void The_fingerprint_of_a_declaration_does_not_depend_on_the_locale()
    {
        var experiment = new ResolvedExperiment(TinyExperiments.FigureEight(), quick: false);
        string invariant = experiment.Fingerprint;
        var commaDecimals = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimals.NumberFormat.NumberDecimalSeparator = ",";
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = commaDecimals;
            Assert.Equal("0,25", 0.25.ToString()); // the culture is in force
            Assert.Equal(invariant, experiment.Fingerprint);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        Assert.Contains("0.25", invariant);
    }
}
