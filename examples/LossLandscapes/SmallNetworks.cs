using TopoDsl.Experiments.Definitions;
using TopoDsl.Rules;
using TopoDsl.Training.Modules;

namespace LossLandscapes;

// Barannikov et al.'s small networks (papers.md 3.3): the barcode of minima of tanh MLPs fitting g(x), with hidden
// layers 2, 3, 2x2, 3x2, 3x3 and 2x2x2. Their minima came from Algorithm 1 on parameters sampled in a hypercube; here
// ten seeds are trained to minima by 50,000 steps of full-batch SGD with momentum (0.9, lr 0.02) and joined by AutoNEB paths (the alternative).
// The loss is the mean squared error; the paper's figures are on the scale of the sum (101 x the mean): the README
// gives both.

[Experiment(Description = "g(x), tanh MLP 1-2-1: barcode of minima of ten trained seeds")]
[Mlp(1, 2, 1, Activation = ActivationKind.Tanh, Bias = true)]
[Optimizer(typeof(SgdMomentum))]
[Train(Steps = 50000, Seeds = 10)]
[MinimaBarcode(Cycles = 6, Steps = 500)]
[Quick(Steps = 2000, Seeds = 3)]
public partial class Hidden2
{
    public double lr = 0.02;

    [Data] public static ExperimentData Data(ulong seed) => TargetFunction.Samples();
}

[Experiment(Description = "g(x), tanh MLP 1-3-1: barcode of minima of ten trained seeds")]
[Mlp(1, 3, 1, Activation = ActivationKind.Tanh, Bias = true)]
[Optimizer(typeof(SgdMomentum))]
[Train(Steps = 50000, Seeds = 10)]
[MinimaBarcode(Cycles = 6, Steps = 500)]
[Quick(Steps = 2000, Seeds = 3)]
public partial class Hidden3
{
    public double lr = 0.02;

    [Data] public static ExperimentData Data(ulong seed) => TargetFunction.Samples();
}

[Experiment(Description = "g(x), tanh MLP 1-2-2-1: barcode of minima of ten trained seeds")]
[Mlp(1, 2, 2, 1, Activation = ActivationKind.Tanh, Bias = true)]
[Optimizer(typeof(SgdMomentum))]
[Train(Steps = 50000, Seeds = 10)]
[MinimaBarcode(Cycles = 6, Steps = 500)]
[Quick(Steps = 2000, Seeds = 3)]
public partial class Hidden2x2
{
    public double lr = 0.02;

    [Data] public static ExperimentData Data(ulong seed) => TargetFunction.Samples();
}

[Experiment(Description = "g(x), tanh MLP 1-3-2-1: barcode of minima of ten trained seeds")]
[Mlp(1, 3, 2, 1, Activation = ActivationKind.Tanh, Bias = true)]
[Optimizer(typeof(SgdMomentum))]
[Train(Steps = 50000, Seeds = 10)]
[MinimaBarcode(Cycles = 6, Steps = 500)]
[Quick(Steps = 2000, Seeds = 3)]
public partial class Hidden3x2
{
    public double lr = 0.02;

    [Data] public static ExperimentData Data(ulong seed) => TargetFunction.Samples();
}

[Experiment(Description = "g(x), tanh MLP 1-3-3-1: barcode of minima of ten trained seeds")]
[Mlp(1, 3, 3, 1, Activation = ActivationKind.Tanh, Bias = true)]
[Optimizer(typeof(SgdMomentum))]
[Train(Steps = 50000, Seeds = 10)]
[MinimaBarcode(Cycles = 6, Steps = 500)]
[Quick(Steps = 2000, Seeds = 3)]
public partial class Hidden3x3
{
    public double lr = 0.02;

    [Data] public static ExperimentData Data(ulong seed) => TargetFunction.Samples();
}

[Experiment(Description = "g(x), tanh MLP 1-2-2-2-1: barcode of minima of ten trained seeds")]
[Mlp(1, 2, 2, 2, 1, Activation = ActivationKind.Tanh, Bias = true)]
[Optimizer(typeof(SgdMomentum))]
[Train(Steps = 50000, Seeds = 10)]
[MinimaBarcode(Cycles = 6, Steps = 500)]
[Quick(Steps = 2000, Seeds = 3)]
public partial class Hidden2x2x2
{
    public double lr = 0.02;

    [Data] public static ExperimentData Data(ulong seed) => TargetFunction.Samples();
}

// The convergence check of the numbers above: 2x2 again with twice the training (100,000 steps) and AutoNEB steps
// (1000 per cycle). Minima and saddles that move between the two are not converged.
[Experiment(Description = "g(x), tanh MLP 1-2-2-1 with twice the training and AutoNEB steps: are the minima and saddles converged?")]
[Mlp(1, 2, 2, 1, Activation = ActivationKind.Tanh, Bias = true)]
[Optimizer(typeof(SgdMomentum))]
[Train(Steps = 100000, Seeds = 10)]
[MinimaBarcode(Cycles = 6, Steps = 1000)]
[Quick(Steps = 2000, Seeds = 3)]
public partial class Hidden2x2Longer
{
    public double lr = 0.02;

    [Data] public static ExperimentData Data(ulong seed) => TargetFunction.Samples();
}
