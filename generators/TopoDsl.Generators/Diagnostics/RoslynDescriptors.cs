using Microsoft.CodeAnalysis;
using TopoDsl.Dsl;
using RoslynDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;

namespace TopoDsl.Generators.Diagnostics;

/// <summary>
/// The DSL's catalog (TopoDsl.Dsl.DiagnosticCatalog) and the declaration checks (UsageDiagnostics) as Roslyn
/// descriptors, with a category per id range so that users can filter by range in .editorconfig.
/// </summary>
internal static class RoslynDescriptors
{
    private static readonly Dictionary<string, RoslynDescriptor> ById =
        UsageDiagnostics.All.Concat(DiagnosticCatalog.All).Concat(Experiments.ExperimentDiagnostics.All).ToDictionary(d => d.Id, Convert, StringComparer.Ordinal);

    public static IEnumerable<RoslynDescriptor> All => ById.Values;

    public static RoslynDescriptor For(string id) =>
        ById.TryGetValue(id, out var descriptor) ? descriptor : throw new InvalidOperationException($"internal: {id} is not in the catalog");

    private static RoslynDescriptor Convert(TopoDsl.Dsl.DiagnosticDescriptor d) =>
        new(d.Id, d.Title, "{0}", CategoryOf(d.Id), SeverityOf(d.Severity), isEnabledByDefault: true, helpLinkUri: d.HelpUri,
            customTags: TagsFor(SeverityOf(d.Severity)));

    /// <summary>
    /// Errors are not configurable: an error means no code was generated, so neither #pragma nor a severity option
    /// may hide it (the class would silently lack its optimizer). Warnings stay suppressible.
    /// </summary>
    public static string[] TagsFor(DiagnosticSeverity severity) =>
        severity == DiagnosticSeverity.Error ? [WellKnownDiagnosticTags.NotConfigurable] : [];

    private static string CategoryOf(string id) => id.Substring(4, 2) switch
    {
        "00" => "TopoDsl.Usage",
        "01" => "TopoDsl.Syntax",
        "02" => "TopoDsl.Equivariance",
        "03" => "TopoDsl.Lipschitz",
        "04" => "TopoDsl.Experiments",
        _ => "TopoDsl",
    };

    private static DiagnosticSeverity SeverityOf(DslSeverity severity) => severity switch
    {
        DslSeverity.Error => DiagnosticSeverity.Error,
        DslSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
