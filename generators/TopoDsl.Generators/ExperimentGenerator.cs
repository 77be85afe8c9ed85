using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoDsl.Generators.Experiments;
using TopoDsl.Generators.Model;

namespace TopoDsl.Generators;

/// <summary>
/// For every class marked [Experiment]: check the declaration (TDSL04xx) and emit its definition, typed Run and
/// registration. As in <see cref="UpdateRuleGenerator"/>, code and diagnostics leave through separate outputs; the
/// duplicate-name check looks at all experiments together.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExperimentGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(ExperimentReader.AttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                static (target, cancellation) => ExperimentReader.Read(target, cancellation))
            .WithTrackingName(TrackingNames.ExperimentTransform);

        var code = results.Select(static (r, _) => r.Model).Where(static m => m is not null).WithTrackingName(TrackingNames.ExperimentCode);
        context.RegisterSourceOutput(code, static (output, model) =>
            output.AddSource($"{(model!.Namespace is { } ns ? ns + "." : "")}{model.ClassName}.Experiment.g.cs", ExperimentWriter.Write(model)));

        var diagnostics = results.Select(static (r, _) => r.Diagnostics).WithTrackingName(TrackingNames.ExperimentDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (var diagnostic in found) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        var names = results.Select(static (r, _) => (r.Name, r.Site)).Collect();
        context.RegisterSourceOutput(names, static (output, all) =>
        {
            var descriptor = Diagnostics.RoslynDescriptors.For(ExperimentDiagnostics.DuplicateName.Id);
            foreach (var group in all.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                foreach (var (name, site) in group.Skip(1))
                {
                    string others = string.Join(", ", group.Where(o => o.Site != site).Select(o => $"class {o.Site.ClassName}"));
                    var message = ExperimentDiagnostics.DuplicateName.Format(name, others);
                    output.ReportDiagnostic(DiagnosticInfo.Create(descriptor, message, Location.Create(site.Tree, site.Span)).ToDiagnostic());
                }
        });
    }
}
