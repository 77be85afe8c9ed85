using TopoDsl.Dsl;

namespace TopoDsl.Generators.Experiments;

/// <summary>
/// TDSL04xx: problems with an [Experiment] declaration, each reported at the attribute, member or argument that
/// causes it. <see cref="Diagnostics.RoslynDescriptors"/> serves them with the rule diagnostics.
/// </summary>
internal static class ExperimentDiagnostics
{
    public static readonly DiagnosticDescriptor BadTarget = new("TDSL0401", DslSeverity.Error,
        "Experiment class cannot be extended",
        "`{0}` is {1}; [Experiment] goes on a top-level, non-generic partial class");

    public static readonly DiagnosticDescriptor MissingPart = new("TDSL0402", DslSeverity.Error,
        "Experiment part missing",
        "experiment `{0}` declares no {1}: add {2}");

    public static readonly DiagnosticDescriptor PartTwice = new("TDSL0403", DslSeverity.Error,
        "Experiment part declared twice",
        "experiment `{0}` declares its {1} more than once ({2}); keep one");

    public static readonly DiagnosticDescriptor WrongSignature = new("TDSL0404", DslSeverity.Error,
        "Method part with the wrong signature",
        "`{0}` is marked [{1}] but is `{2}`; it must be `{3}`");

    public static readonly DiagnosticDescriptor NotAnOptimizer = new("TDSL0405", DslSeverity.Error,
        "Rule type is not an optimizer",
        "`{0}` cannot be the update rule: {1}; [Optimizer] takes an [UpdateRule] class or another IOptimizer with a public parameterless constructor");

    public static readonly DiagnosticDescriptor NoSuchLayer = new("TDSL0406", DslSeverity.Error,
        "Tracked layer does not exist",
        "hidden layer {0} does not exist: the network {1} has {2}");

    public static readonly DiagnosticDescriptor WrongSweepType = new("TDSL0407", DslSeverity.Error,
        "Sweep value of the wrong type",
        "{0} on `{1}` is {2}; {3}");

    public static readonly DiagnosticDescriptor DuplicateName = new("TDSL0408", DslSeverity.Error,
        "Two experiments with one name",
        "another experiment is also named `{0}` ({1}); names must differ (ignoring case), as `run NAME` takes them");

    public static readonly DiagnosticDescriptor StepSizeTwice = new("TDSL0409", DslSeverity.Error,
        "Step size given both absolutely and as a multiple of eta*",
        "`{0}` is given both as {1} and as multiples of eta* = 1/K ([SweepTimesEtaStar]); keep one");

    public static readonly DiagnosticDescriptor NotAHyperparameter = new("TDSL0410", DslSeverity.Error,
        "Not a hyperparameter of the rule",
        "`{0}` has [{1}] but `{2}` has no settable hyperparameter of that name; its hyperparameters: {3}");

    public static readonly DiagnosticDescriptor ShapeDoesNotFit = new("TDSL0411", DslSeverity.Error,
        "Initial shape does not fit the layer",
        "NeuronShape.{0} needs neurons of {1} coordinates; hidden layer {2} of {3} has {4} (inputs + bias + outputs)");

    public static readonly DiagnosticDescriptor BadSetting = new("TDSL0412", DslSeverity.Error,
        "Invalid experiment setting",
        "{0}");

    public static readonly DiagnosticDescriptor EtaStarNotStepSize = new("TDSL0413", DslSeverity.Error,
        "Multiples of eta* on a member that is not the step size",
        "[SweepTimesEtaStar] is on `{0}`, but the step size of `{1}` is `{2}`; set [Optimizer(typeof({1}), StepSize = \"{0}\")] if `{0}` is the step size");

    public static readonly DiagnosticDescriptor TheoremDoesNotApply = new("TDSL0414", DslSeverity.Info,
        "Theorem 1 does not apply",
        "the bi-Lipschitz certificate does not apply to {0}: {1}");

    public static readonly DiagnosticDescriptor GeneratedMember = new("TDSL0415", DslSeverity.Error,
        "Member the generated code declares",
        "`{0}` is declared by the generated code of an experiment ({1}); rename it");

    public static readonly DiagnosticDescriptor TooFewRuns = new("TDSL0416", DslSeverity.Error,
        "Landscape analysis with too few runs",
        "[{0}] needs {1}, but {2}");

    public static readonly DiagnosticDescriptor TooFewQuickRuns = new("TDSL0417", DslSeverity.Warning,
        "Landscape analysis skipped by --quick",
        "[{0}] needs {1}, but with --quick {2}; the quick run will note it and skip the analysis");

    public static readonly DiagnosticDescriptor FitWithoutSlice = new("TDSL0418", DslSeverity.Error,
        "Generalisation fit without slices",
        "[GeneralisationFit] fits the gap on each run's slice total persistence: add [LossSlice]");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        BadTarget, MissingPart, PartTwice, WrongSignature, NotAnOptimizer, NoSuchLayer, WrongSweepType, DuplicateName,
        StepSizeTwice, NotAHyperparameter, ShapeDoesNotFit, BadSetting, EtaStarNotStepSize, TheoremDoesNotApply, GeneratedMember,
        TooFewRuns, TooFewQuickRuns, FitWithoutSlice,
    ];
}
