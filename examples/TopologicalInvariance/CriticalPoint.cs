using TopoDsl.Rules;

namespace TopologicalInvariance;

/// <summary>
/// What no paper has done: locate the topological critical point. FigureEight's network and start, with the step size
/// set as multiples of eta* = 1/K (K measured at initialisation for each seed) on both sides of 1 and of the edge of
/// stability at 2, five seeds each.
/// </summary>
[Experiment(Description = "FigureEight with eta x K in {0.25, 0.5, 0.9, 1.1, 2, 4}: where does the topology first change?")]
[Mlp(1, 1024, 1)]
[TeacherStudentData(inputs: 1)]
[InitialNeurons(NeuronShape.FigureEight)]
[Optimizer(typeof(Sgd))]
[Train(Epochs = 100, BatchSize = 128, Seeds = 5)]
[Track(Coordinates = CloudCoordinates.Standardized)]
[Quick(Epochs = 20, Seeds = 1)]
public partial class CriticalPoint
{
    [SweepTimesEtaStar(0.25, 0.5, 0.9, 1.1, 2, 4)] public double lr;
}
