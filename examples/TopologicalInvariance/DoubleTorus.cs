using TopoDsl.Rules;

namespace TopologicalInvariance;

/// <summary>
/// Yang et al.'s 3-D experiment: 4096 neurons (w_i1, w_i2, a_i) of a 2-4096-1 sigmoid network fill a solid double torus
/// (Betti numbers (1, 2, 0)) and are trained by SGD on 2-D teacher-student data for 20 epochs at 8e-4 and 9e-4 (the
/// paper's Table 1; its README swaps the labels).
/// </summary>
[Experiment(Description = "a solid double torus of 4096 neurons under SGD at 8e-4 and 9e-4")]
[Mlp(2, 4096, 1)]
[TeacherStudentData(inputs: 2)]
[InitialNeurons(NeuronShape.SolidDoubleTorus)]
[Optimizer(typeof(Sgd))]
[Train(Epochs = 20, BatchSize = 128, Seeds = 3)]
[Track(Coordinates = CloudCoordinates.Standardized, MaxPoints = 512, PersistentFraction = 0.075)]
[Quick(Neurons = 1024, Epochs = 5, Seeds = 1)]
public partial class DoubleTorus
{
    [Sweep(8e-4, 9e-4)] public double lr;
}
