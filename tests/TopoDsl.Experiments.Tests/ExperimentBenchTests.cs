using TopoDsl.Experiments.Benchmarks;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Running;
using TopoDsl.TestSupport;
using Xunit;

namespace TopoDsl.Experiments.Tests;

public sealed class ExperimentBenchTests
{
    private static ExperimentDefinition Tiny() =>
        TinyExperiments.FigureEight(neurons: 24, epochs: 1, samples: 300, batch: 32, seeds: 1, checkpoints: 2, sweep: [new SweepAxis("lr", [0.01])]);

    [TorchFact]
    public void The_bench_times_both_sides_of_the_same_runs_and_reports_their_ratios()
    {
        var result = ExperimentBench.Run(new ResolvedExperiment(Tiny(), quick: false), threads: 1, OracleTools.Python);
        Assert.Equal(1, result.Runs);
        Assert.True(result.TopoDslSeconds > 0 && result.TrainingOnlySeconds > 0 && result.TorchGudhiSeconds > 0, result.ToString());
        Assert.Equal(result.TopoDslSeconds / result.TorchGudhiSeconds, result.RatioToTorchGudhi, 12);
        Assert.Equal(result.TopoDslSeconds / result.TrainingOnlySeconds - 1, result.TrackingOverhead, 12);
    }

    [Fact]
    public void An_experiment_the_script_does_not_cover_is_refused_before_anything_runs()
    {
        var csv = Tiny() with
        {
            Data = seed => TinyExperiments.FigureEight().Data(seed) with { TeacherStudent = null },
        };
        var error = Assert.Throws<ExperimentException>(() => ExperimentBench.Run(new ResolvedExperiment(csv, quick: false), threads: 1, "/nonexistent/python3"));
        Assert.Contains("covers one-hidden-layer sigmoid MLPs on teacher-student data", error.Message);
    }
}
