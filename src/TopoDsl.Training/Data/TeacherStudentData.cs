namespace TopoDsl.Training.Data;

/// <summary>A generated teacher-student problem: every sample (in drawing order), its train/test split and the teacher.</summary>
public sealed record TeacherStudentData(Dataset All, Dataset Train, Dataset Test, Teacher Teacher);
