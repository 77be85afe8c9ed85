using TopoDsl.Dsl;

namespace TopoDsl.Generators.Model;

/// <summary>What the transform found for one [UpdateRule] class: the code (null when there are errors) and the diagnostics.</summary>
internal sealed record RuleResult(GeneratedRule? Code, EquatableArray<DiagnosticInfo> Diagnostics);
