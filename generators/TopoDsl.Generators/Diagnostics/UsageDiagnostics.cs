using TopoDsl.Dsl;

namespace TopoDsl.Generators.Diagnostics;

/// <summary>
/// TDSL00xx problems with the C# declaration around a rule, which only the generator can see. They use the DSL
/// catalog's descriptor type and id range (TDSL0010-0011, about hyperparameter names and types, live in the DSL
/// catalog because the rule text decides whether they matter); <see cref="RoslynDescriptors"/> serves both.
/// </summary>
internal static class UsageDiagnostics
{
    public static readonly TopoDsl.Dsl.DiagnosticDescriptor NotPartial = new("TDSL0001", DslSeverity.Error,
        "Update-rule class is not partial",
        "the {1} `{0}` must be declared partial: the generator adds the optimizer's Step method to it");

    public static readonly TopoDsl.Dsl.DiagnosticDescriptor UnsupportedTarget = new("TDSL0002", DslSeverity.Error,
        "Update rule on an unsupported type",
        "`{0}` is {1}; [UpdateRule] goes on a non-generic, non-static, non-abstract partial class");

    public static readonly TopoDsl.Dsl.DiagnosticDescriptor RuleNotConstant = new("TDSL0003", DslSeverity.Error,
        "Rule text is not a constant string",
        "the rule of `{0}` must be a constant string, ideally a raw string literal (\"\"\"); it is missing, null or not a constant");

    public static readonly TopoDsl.Dsl.DiagnosticDescriptor GeneratedMemberClash = new("TDSL0004", DslSeverity.Error,
        "Member name taken by the generated optimizer",
        "`{0}` is declared by the generated optimizer ({1}); rename this member");

    public static IReadOnlyList<TopoDsl.Dsl.DiagnosticDescriptor> All { get; } = [NotPartial, UnsupportedTarget, RuleNotConstant, GeneratedMemberClash];
}
