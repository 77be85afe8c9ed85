using TopoDsl.Training.Data;

namespace TopoDsl.Experiments.Definitions;

/// <summary>A training set and a test set, and what they are (for the results).</summary>
/// <param name="Train">The samples trained on.</param>
/// <param name="Test">The held-out samples the test loss and accuracy are measured on.</param>
/// <param name="Description">What the data are, e.g. "teacher-student 1-D, 3500 train / 1500 test".</param>
public sealed record ExperimentData(Dataset Train, Dataset Test, string Description)
{
    /// <summary>The teacher-student settings the data were drawn with, when they are Yang et al.'s teacher-student data.</summary>
    public TeacherStudentOptions? TeacherStudent { get; init; }
}
