using TopoDsl.Rules;
using TopoDsl.Training.Modules;

namespace LossLandscapes;

/// <summary>
/// Tamim's experiments on Fashion-MNIST instead of MNIST and CIFAR-10: 24 runs of one 784-32-10 ReLU network from one
/// start, differing in step size, momentum (plain SGD against heavy ball) and the order of batches; the homotopy
/// classes of their training paths with the test accuracy within and between classes, and the generalisation gap
/// against the total persistence of a loss slice around each trained network.
/// </summary>
[Experiment(Description = "24 runs of a 784-32-10 ReLU MLP from one start on Fashion-MNIST: homotopy classes, loss slices, gap against total persistence")]
[Mlp(784, 32, 10, Activation = ActivationKind.Relu, Bias = true)]
[FashionMnistData(TrainSamples = 5000, TestSamples = 2000)]
[Optimizer(typeof(SgdMomentum))]
[Train(Epochs = 10, BatchSize = 100, Seeds = 4, SharedInitialisation = true)]
[HomotopyClasses(From = 0.5)]
[LossSlice(Resolution = 41, Samples = 5000)]
[GeneralisationFit]
[Quick(Epochs = 1, Seeds = 1)]
public partial class TrainingPaths
{
    [Sweep(0.005, 0.02, 0.1)] public double lr;
    [Sweep(0.0, 0.9)] public double momentum;
}

/// <summary>
/// <see cref="TrainingPaths"/> with slices three filter norms wide: at one norm (Li et al.'s span) most slices are a
/// single basin, whose total persistence is 0.
/// </summary>
[Experiment(Description = "TrainingPaths with slices three filter norms wide, for the gap against total persistence")]
[Mlp(784, 32, 10, Activation = ActivationKind.Relu, Bias = true)]
[FashionMnistData(TrainSamples = 5000, TestSamples = 2000)]
[Optimizer(typeof(SgdMomentum))]
[Train(Epochs = 10, BatchSize = 100, Seeds = 4, SharedInitialisation = true)]
[LossSlice(Resolution = 41, Span = 3, Samples = 5000)]
[GeneralisationFit]
[Quick(Epochs = 1, Seeds = 1)]
public partial class WideSlices
{
    [Sweep(0.005, 0.02, 0.1)] public double lr;
    [Sweep(0.0, 0.9)] public double momentum;
}
