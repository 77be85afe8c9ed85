using TopoDsl.Rules;

namespace TopologicalInvariance;

/// <summary>
/// Yang et al.'s 2-D experiment: 1024 neurons (w_i, a_i) of a 1-1024-1 sigmoid network start on a figure-eight and are
/// trained by minibatch gradient descent on 1-D teacher-student data at the paper's small and large step sizes.
/// The paper reports the shape deformed but whole at 0.0025 and torn apart at 0.003.
/// </summary>
[Experiment(Description = "figure-eight neurons under SGD at the paper's small (0.0025) and large (0.003) step sizes")]
[Mlp(1, 1024, 1)]
[TeacherStudentData(inputs: 1)]
[InitialNeurons(NeuronShape.FigureEight)]
[Optimizer(typeof(Sgd))]
[Train(Epochs = 100, BatchSize = 128, Seeds = 3)]
[Track(Coordinates = CloudCoordinates.Standardized)]
[Quick(Epochs = 20, Seeds = 1)]
public partial class FigureEight
{
    [Sweep(0.0025, 0.003)] public double lr;
}
