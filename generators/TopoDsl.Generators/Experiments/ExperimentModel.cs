using TopoDsl.Dsl;
using TopoDsl.Generators.Model;

namespace TopoDsl.Generators.Experiments;

/// <summary>
/// An [Experiment] class as plain, equatable values: everything the writer needs, nothing of Roslyn's. An edit that
/// leaves these values equal re-emits nothing. Attributes the runtime reads are kept as the C# expression that
/// creates them again (<c>new global::TopoDsl.Experiments.MlpAttribute(1, 1024, 1) { Bias = true }</c>), so their
/// defaults live in one place, the attribute class.
/// </summary>
internal sealed record ExperimentModel(
    string? Namespace, string ClassName, string Accessibility, string Name, string Description,
    Part Network, Part Data, Part? InitialNeurons, OptimizerModel Optimizer,
    EquatableArray<NamedValue> Fixed, EquatableArray<SweepModel> Sweeps, string Train, string? Track, string? Quick, string? Landscape, string Declaration);

/// <summary>A part given by an attribute on the class (its creation expression), or by a method of the class (its name, and the creation of its marker attribute).</summary>
internal sealed record Part(string? Attribute, string? Method);

/// <summary>The optimizer type, how to set its hyperparameters, and the rule checker's verdicts.</summary>
/// <param name="TypeName">Fully qualified, with global::.</param>
/// <param name="Setters">Every settable hyperparameter and the C# cast its value needs.</param>
/// <param name="Defaults">The declared defaults known at build time.</param>
/// <param name="Verdicts">For an [UpdateRule] class: per key of absolute sweep values, whether Theorem 1 applies; null otherwise.</param>
internal sealed record OptimizerModel(
    string TypeName, string DisplayName, EquatableArray<Setter> Setters, EquatableArray<NamedValue> Defaults, string StepSize,
    EquatableArray<VerdictModel>? Verdicts);

/// <summary>A hyperparameter the generated code can assign, e.g. lr with cast "(float)".</summary>
internal sealed record Setter(string Name, string Cast);

/// <summary>A name and a number.</summary>
internal sealed record NamedValue(string Name, double Value);

/// <summary>A sweep axis.</summary>
internal sealed record SweepModel(string Name, EquatableArray<double> Values, bool TimesEtaStar);

/// <summary>The verdict for one combination of absolute sweep values (joined as the key; "*" for any).</summary>
internal sealed record VerdictModel(string Key, bool Equivariant, bool Lipschitz, EquatableArray<string> Reasons);

/// <summary>What the transform found for one [Experiment] class: the model (null with errors), its name and where it is declared, the diagnostics.</summary>
internal sealed record ExperimentResult(ExperimentModel? Model, string Name, NameSite Site, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// Where an experiment's name is declared, for the duplicate-name check across classes: the file's path rather than
/// its syntax tree, which is new after any edit of the file and would make every such edit a change of the
/// transform's output. The report finds the tree again by its path.
/// </summary>
internal sealed record NameSite(string FilePath, Microsoft.CodeAnalysis.Text.TextSpan Span, string ClassName);

/// <summary>A name declared again (ignoring case): the TDSL0408 message and where the later declaration is.</summary>
internal sealed record DuplicateModel(string Message, string FilePath, Microsoft.CodeAnalysis.Text.TextSpan Span);
