namespace TopoDsl.Experiments;

/// <summary>
/// Yang et al.'s teacher-student regression data: x ~ N(0, 2²) in 1 or 2 dimensions, y from a random sigmoid teacher
/// of 128 units, split 70/30 into training and test samples. Drawn from the run's seed.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TeacherStudentDataAttribute(int inputs) : Attribute
{
    private static readonly Training.Data.TeacherStudentOptions Defaults = new();

    /// <summary>Input dimensions: 1 (2-D neurons with one output) or 2 (3-D neurons).</summary>
    public int Inputs { get; } = inputs;

    /// <summary>Samples drawn in all (default 5000).</summary>
    public int Samples { get; set; } = Defaults.Samples;

    /// <summary>The share of samples trained on (default 0.7).</summary>
    public double TrainFraction { get; set; } = Defaults.TrainFraction;

    /// <summary>Units of the teacher (default 128).</summary>
    public int TeacherWidth { get; set; } = Defaults.TeacherWidth;
}
