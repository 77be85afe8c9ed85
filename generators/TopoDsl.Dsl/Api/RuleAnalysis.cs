namespace TopoDsl.Dsl;

/// <summary>The result of <see cref="RuleCompiler.Analyze"/>: the model (null when there are errors), every diagnostic, the traits.</summary>
public sealed record RuleAnalysis(RuleModel? Model, EquatableArray<DslDiagnostic> Diagnostics, RuleTraits Traits)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DslSeverity.Error);
}
