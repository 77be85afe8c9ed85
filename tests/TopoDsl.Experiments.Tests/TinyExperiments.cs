using TopoDsl.Experiments.Clouds;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Topology;
using TopoDsl.Training.Data;
using TopoDsl.Training.Modules;

namespace TopoDsl.Experiments.Tests;

/// <summary>Small experiments built by hand (as the generator would), quick enough for unit tests.</summary>
internal static class TinyExperiments
{
    public static ExperimentDefinition FigureEight(int neurons = 48, int epochs = 3, int samples = 400, IReadOnlyList<SweepAxis>? sweep = null,
        int seeds = 2, int batch = 32, Func<ulong, ExperimentData>? data = null, int checkpoints = 4) => new()
    {
        Name = "TinyFigureEight",
        Description = "a figure-eight of neurons trained by SGD on teacher-student data",
        Network = new NetworkChoice($"MLP 1-{neurons}-1 sigmoid", seed => Mlp.Create([1, neurons, 1], ActivationKind.Sigmoid, bias: false, seed)),
        Data = data ?? (seed =>
        {
            var d = TeacherStudent.Generate2D(seed, new TeacherStudentOptions { Samples = samples });
            return new ExperimentData(d.Train, d.Test, "teacher-student 1-D") { TeacherStudent = new TeacherStudentOptions { Samples = samples } };
        }),
        Initialisation = new NeuronInitialisation("figure-eight", (h, _, seed) => InitialClouds.FigureEight(h, seed), ExpectedBetti: [1, 2]) { Shape = NeuronShape.FigureEight },
        Optimizer = SgdChoice(),
        Sweep = sweep ?? [new SweepAxis("lr", [0.5, 4], TimesEtaStar: true)],
        Schedule = new Schedule { Epochs = epochs, BatchSize = batch, Seeds = Enumerable.Range(0, seeds).Select(s => (ulong)s).ToList() },
        Tracking = new Tracking
        {
            Checkpoints = checkpoints,
            SharpnessSamples = 128,
            Topology = new TopologyOptions { Coordinates = CloudCoordinates.Standardized, MaxPoints = 40 },
        },
        Declaration = "tiny figure-eight",
    };

    /// <summary>Adam, whose state (m, v) a checkpoint must carry.</summary>
    public static OptimizerChoice AdamChoice() => new()
    {
        Name = "Adam",
        Defaults = new Dictionary<string, double> { ["lr"] = 1e-3, ["beta1"] = 0.9, ["beta2"] = 0.999, ["eps"] = 1e-8 },
        Create = h => new Rules.Adam { lr = (float)h["lr"], beta1 = (float)h["beta1"], beta2 = (float)h["beta2"], eps = (float)h["eps"] },
        Verdict = _ => new RuleVerdict(Rules.Adam.Traits.Equivariant, Rules.Adam.Traits.Lipschitz, Rules.Adam.Traits.LipschitzReasons),
    };

    public static OptimizerChoice SgdChoice() => new()
    {
        Name = "Sgd",
        Defaults = new Dictionary<string, double> { ["lr"] = 0.01, ["weight_decay"] = 0 },
        Create = h => new Rules.Sgd { lr = (float)h["lr"], weight_decay = (float)h["weight_decay"] },
        Verdict = _ => new RuleVerdict(Rules.Sgd.Traits.Equivariant, Rules.Sgd.Traits.Lipschitz, Rules.Sgd.Traits.LipschitzReasons),
    };
}
