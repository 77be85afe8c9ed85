using TopoDsl.Experiments.Definitions;
using TopoDsl.Landscape.Homotopy;
using TopoDsl.Landscape.Paths;
using TopoDsl.Training.Data;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// A small experiment with every loss-landscape analysis: a 1-8-1 tanh network fitting a smooth curve on 41 points
/// (the same data for every seed), two step sizes x three seeds, mini-batches of 10 for 60 steps.
/// </summary>
internal static class TinyLandscape
{
    public static ExperimentDefinition Definition(double[]? stepSizes = null, bool shared = false) => new()
    {
        Name = "TinyLandscape",
        Description = "every landscape analysis on a 1-8-1 tanh network",
        Network = new NetworkChoice("MLP 1-8-1 tanh", seed => Mlp.Create([1, 8, 1], ActivationKind.Tanh, bias: true, seed)),
        Data = _ => new ExperimentData(Curve(41), Curve(20), "a smooth curve on 41 points"),
        Optimizer = TinyExperiments.SgdChoice(),
        Sweep = [new SweepAxis("lr", stepSizes ?? [0.05, 0.2], TimesEtaStar: false)],
        Schedule = new Schedule { Steps = 60, BatchSize = 10, Seeds = [0, 1, 2], SharedInitialisation = shared },
        Tracking = new Tracking { Checkpoints = 2, SharpnessSamples = 0 },
        Landscape = new LandscapeAnalyses
        {
            Slice = new SliceAnalysis(Resolution: 7, Span: 0.5, Samples: 0),
            Minima = new MinimaAnalysis(0, new AutoNebOptions { Cycles = [new(10, 0.05), new(10, 0.01)], InitialImages = 1, InsertPerCycle = 1 }, MaxPairs: null),
            Homotopy = new HomotopyAnalysis(Every: 15, Tolerance: 0, new HomotopyOptions { PathSamples = 5, BlendSteps = 3 }, Samples: 0, From: 0.5),
            Fit = new FitAnalysis(0.9),
        },
        Declaration = "tiny landscape",
    };

    private static Dataset Curve(int points)
    {
        var x = Enumerable.Range(0, points).Select(k => -3 + 6.0 * k / (points - 1)).ToArray();
        return new Dataset(new Tensor(x.Select(v => (float)v).ToArray(), points, 1),
            new Tensor(x.Select(v => (float)(Math.Sin(2 * v) + 0.3 * v)).ToArray(), points, 1));
    }
}
