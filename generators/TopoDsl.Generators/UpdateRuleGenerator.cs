using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoDsl.Generators.Reading;

namespace TopoDsl.Generators;

/// <summary>
/// For every class marked [UpdateRule("...")]: parse and check the rule (TopoDsl.Dsl) and emit the optimizer.
/// Code and diagnostics leave through separate outputs: an edit that changes only a diagnostic's position does
/// not re-emit the code, and #pragma suppression applies to the diagnostics.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class UpdateRuleGenerator : IIncrementalGenerator
{
    public const string AttributeName = "TopoDsl.UpdateRuleAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                static (target, cancellation) => RuleReader.Read(target, cancellation))
            .WithTrackingName(TrackingNames.Transform);

        var code = results.Select(static (r, _) => r.Code).Where(static c => c is not null).WithTrackingName(TrackingNames.Code);
        context.RegisterSourceOutput(code, static (output, rule) => output.AddSource(rule!.HintName, rule.Source));

        var diagnostics = results.Select(static (r, _) => r.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (var diagnostic in found) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });
    }
}
