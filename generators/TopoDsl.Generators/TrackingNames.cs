namespace TopoDsl.Generators;

/// <summary>Names of the pipeline steps, for the incremental-caching tests.</summary>
public static class TrackingNames
{
    public const string Transform = nameof(Transform);
    public const string Code = nameof(Code);
    public const string Diagnostics = nameof(Diagnostics);
    public const string ExperimentTransform = nameof(ExperimentTransform);
    public const string ExperimentCode = nameof(ExperimentCode);
    public const string ExperimentDiagnostics = nameof(ExperimentDiagnostics);
    public const string ExperimentNames = nameof(ExperimentNames);
}
