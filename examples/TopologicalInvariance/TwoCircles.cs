using TopoDsl.Rules;

namespace TopologicalInvariance;

/// <summary>
/// Yang et al.'s alternative 2-D start (their Fig. 6): two disjoint circles of 512 neurons each, trained with Adam at
/// the paper's small (1e-4) and large (1e-2) step sizes for 40 epochs.
/// </summary>
[Experiment(Description = "two circles of neurons under Adam at 1e-4 and 1e-2")]
[Mlp(1, 1024, 1)]
[TeacherStudentData(inputs: 1)]
[InitialNeurons(NeuronShape.TwoCircles)]
[Optimizer(typeof(Adam))]
[Train(Epochs = 40, BatchSize = 128, Seeds = 3)]
[Track(Coordinates = CloudCoordinates.Standardized)]
[Quick(Epochs = 10, Seeds = 1)]
public partial class TwoCircles
{
    [Sweep(1e-4, 1e-2)] public double lr;
}
