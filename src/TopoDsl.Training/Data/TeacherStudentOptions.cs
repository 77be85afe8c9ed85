namespace TopoDsl.Training.Data;

/// <summary>Sizes of a teacher-student problem; the defaults are those of Yang et al.</summary>
public sealed record TeacherStudentOptions
{
    public int Samples { get; init; } = 5000;

    /// <summary>Hidden units of the teacher (K in the paper).</summary>
    public int TeacherWidth { get; init; } = 128;

    public double TrainFraction { get; init; } = 0.7;

    /// <summary>Standard deviation of each input coordinate.</summary>
    public double InputStd { get; init; } = 2;
}
