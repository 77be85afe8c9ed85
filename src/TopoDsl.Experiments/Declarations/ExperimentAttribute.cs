namespace TopoDsl.Experiments;

/// <summary>
/// Declares an experiment on a partial class. The class's other attributes give its parts: a network
/// (<see cref="MlpAttribute"/> or a <see cref="NetworkAttribute"/> method), data (<see cref="TeacherStudentDataAttribute"/>,
/// <see cref="FashionMnistDataAttribute"/>, <see cref="CsvDataAttribute"/> or a <see cref="DataAttribute"/> method),
/// an update rule (<see cref="OptimizerAttribute"/>), a schedule (<see cref="TrainAttribute"/>), and optionally the
/// neurons' initial shape (<see cref="InitialNeuronsAttribute"/>), what to track (<see cref="TrackAttribute"/>) and
/// the <c>--quick</c> settings (<see cref="QuickAttribute"/>). Fields named after the rule's hyperparameters fix
/// them (an initializer) or sweep them (<see cref="SweepAttribute"/>, <see cref="SweepTimesEtaStarAttribute"/>).
/// <para>
/// The build checks the declaration (TDSL04xx diagnostics) and generates <c>Definition</c>, <c>Run(...)</c> and a
/// registration, so that <c>ExperimentApp.Run(args)</c> in <c>Program.cs</c> lists and runs it.
/// </para>
/// </summary>
/// <example>
/// <code>
/// [Experiment(Description = "figure-eight neurons below and above eta* = 1/K")]
/// [Mlp(1, 1024, 1)]
/// [TeacherStudentData(inputs: 1)]
/// [InitialNeurons(NeuronShape.FigureEight)]
/// [Optimizer(typeof(Sgd))]
/// [Train(Epochs = 100, BatchSize = 128, Seeds = 5)]
/// public partial class FigureEight
/// {
///     [SweepTimesEtaStar(0.5, 2)] public double lr;
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ExperimentAttribute : Attribute
{
    /// <summary>Names the experiment after its class.</summary>
    public ExperimentAttribute()
    {
    }

    /// <summary>Names the experiment: the NAME of <c>run NAME</c>, unique in the project.</summary>
    public ExperimentAttribute(string name) => Name = name;

    /// <summary>The name <c>run NAME</c> takes (the class's name when not given).</summary>
    public string? Name { get; }

    /// <summary>One line on what the experiment shows, printed by <c>list</c> and in the report.</summary>
    public string Description { get; set; } = "";
}
