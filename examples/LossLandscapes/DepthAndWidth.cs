using TopoDsl.Rules;
using TopoDsl.Training.Modules;

namespace LossLandscapes;

// Barannikov et al.'s TO-score against depth and width (papers.md 3.5), for ReLU MLPs on Fashion-MNIST: four seeds of
// each network, trained for 400 epochs (8000 steps) until the training loss has nearly stopped falling, are the
// minima, joined by AutoNEB on the training loss of 2000 images. Width 16, 32 and 64 at one hidden layer; depth 1, 2
// and 3 at width 32. (After 20 epochs the "minima" were still on a slope: every path ran downhill from the higher
// end, and every segment had length 0.)

[Experiment(Description = "TO-score of a 784-16-10 ReLU MLP on Fashion-MNIST (width 16)")]
[Mlp(784, 16, 10, Activation = ActivationKind.Relu, Bias = true)]
[FashionMnistData(TrainSamples = 2000, TestSamples = 1000)]
[Optimizer(typeof(SgdMomentum))]
[Train(Epochs = 400, BatchSize = 100, Seeds = 4)]
[MinimaBarcode(Steps = 100)]
[Quick(Epochs = 2, Seeds = 2)]
public partial class Width16;

[Experiment(Description = "TO-score of a 784-32-10 ReLU MLP on Fashion-MNIST (width 32, depth 1)")]
[Mlp(784, 32, 10, Activation = ActivationKind.Relu, Bias = true)]
[FashionMnistData(TrainSamples = 2000, TestSamples = 1000)]
[Optimizer(typeof(SgdMomentum))]
[Train(Epochs = 400, BatchSize = 100, Seeds = 4)]
[MinimaBarcode(Steps = 100)]
[Quick(Epochs = 2, Seeds = 2)]
public partial class Width32;

[Experiment(Description = "TO-score of a 784-64-10 ReLU MLP on Fashion-MNIST (width 64)")]
[Mlp(784, 64, 10, Activation = ActivationKind.Relu, Bias = true)]
[FashionMnistData(TrainSamples = 2000, TestSamples = 1000)]
[Optimizer(typeof(SgdMomentum))]
[Train(Epochs = 400, BatchSize = 100, Seeds = 4)]
[MinimaBarcode(Steps = 100)]
[Quick(Epochs = 2, Seeds = 2)]
public partial class Width64;

[Experiment(Description = "TO-score of a 784-32-32-10 ReLU MLP on Fashion-MNIST (depth 2)")]
[Mlp(784, 32, 32, 10, Activation = ActivationKind.Relu, Bias = true)]
[FashionMnistData(TrainSamples = 2000, TestSamples = 1000)]
[Optimizer(typeof(SgdMomentum))]
[Train(Epochs = 400, BatchSize = 100, Seeds = 4)]
[MinimaBarcode(Steps = 100)]
[Quick(Epochs = 2, Seeds = 2)]
public partial class Depth2;

[Experiment(Description = "TO-score of a 784-32-32-32-10 ReLU MLP on Fashion-MNIST (depth 3)")]
[Mlp(784, 32, 32, 32, 10, Activation = ActivationKind.Relu, Bias = true)]
[FashionMnistData(TrainSamples = 2000, TestSamples = 1000)]
[Optimizer(typeof(SgdMomentum))]
[Train(Epochs = 400, BatchSize = 100, Seeds = 4)]
[MinimaBarcode(Steps = 100)]
[Quick(Epochs = 2, Seeds = 2)]
public partial class Depth3;
