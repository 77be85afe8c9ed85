using TopoDsl.Rules;

namespace TopologicalInvariance;

/// <summary>
/// Yang et al.'s "real task" on Fashion-MNIST instead of MNIST: a 784-1024-10 sigmoid network without biases whose
/// 1024 hidden neurons (in R^794) start on a unit 2-sphere (Betti numbers (1, 0, 1)), trained with cross-entropy in
/// batches of 1024 by SGD at 0.01 and 0.5 for 20 epochs, 10 seeds; K on 1024 samples, one batch as in the paper.
/// </summary>
[Experiment(Description = "784-1024-10 sigmoid network on Fashion-MNIST, neurons on a 2-sphere in R^794, SGD at 0.01 and 0.5")]
[Mlp(784, 1024, 10)]
[FashionMnistData]
[InitialNeurons(NeuronShape.EmbeddedSphere)]
[Optimizer(typeof(Sgd))]
[Train(Epochs = 20, BatchSize = 1024, Seeds = 10)]
[Track(PersistentFraction = 0.15, TruncationFraction = 0.4, SharpnessSamples = 1024)]
[Quick(Epochs = 1, Seeds = 1)]
public partial class FashionSphere
{
    [Sweep(0.01, 0.5)] public double lr;
}

/// <summary>The same network and start trained with Adam at 1e-5 and 1e-3 (the paper trains 1e-5 for 40 epochs; here 20 as for SGD).</summary>
[Experiment(Description = "FashionSphere with Adam at 1e-5 and 1e-3")]
[Mlp(784, 1024, 10)]
[FashionMnistData]
[InitialNeurons(NeuronShape.EmbeddedSphere)]
[Optimizer(typeof(Adam))]
[Train(Epochs = 20, BatchSize = 1024, Seeds = 10)]
[Track(PersistentFraction = 0.15, TruncationFraction = 0.4, SharpnessSamples = 1024)]
[Quick(Epochs = 1, Seeds = 1)]
public partial class FashionSphereAdam
{
    [Sweep(1e-5, 1e-3)] public double lr;
}
