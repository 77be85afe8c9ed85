using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoDsl.Dsl;
using TopoDsl.Generators.Experiments;
using TopoDsl.Generators.Model;

namespace TopoDsl.Generators;

/// <summary>
/// For every class marked [Experiment]: check the declaration (TDSL04xx) and emit its definition, typed Run and
/// registration. As in <see cref="UpdateRuleGenerator"/>, code and diagnostics leave through separate outputs; the
/// duplicate-name check looks at all experiments together. No step output holds a syntax tree outside a diagnostic,
/// so an edit of an experiment's file that changes none of its values leaves every step cached.
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
            output.AddSource(HintNames.Of($"{(model!.Namespace is { } ns ? ns + "." : "")}{model.ClassName}", "Experiment"), ExperimentWriter.Write(model)));

        var diagnostics = results.Select(static (r, _) => r.Diagnostics).WithTrackingName(TrackingNames.ExperimentDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (var diagnostic in found) output.ReportDiagnostic(diagnostic.ToDiagnostic());
        });

        // Names are compared as plain values; only a duplicate, rare, needs the compilation, to find its file's tree by path.
        var duplicates = results.Select(static (r, _) => (r.Name, r.Site)).Collect()
            .Select(static (all, _) => Duplicates(all))
            .WithTrackingName(TrackingNames.ExperimentNames);
        context.RegisterSourceOutput(duplicates.Combine(context.CompilationProvider), static (output, pair) =>
        {
            var (found, compilation) = pair;
            var descriptor = Diagnostics.RoslynDescriptors.For(ExperimentDiagnostics.DuplicateName.Id);
            foreach (var duplicate in found)
            {
                var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == duplicate.FilePath);
                var location = tree is null ? Location.None : Location.Create(tree, duplicate.Span);
                output.ReportDiagnostic(Diagnostic.Create(descriptor, location, duplicate.Message));
            }
        });
    }

    /// <summary>
    /// Every experiment after the first of its name (ignoring case), in the order of the files and of the classes in
    /// them. An empty name is an error of its own (TDSL0412), and the name of a second [Experiment] on one class.
    /// </summary>
    private static EquatableArray<DuplicateModel> Duplicates(ImmutableArray<(string Name, NameSite Site)> all) =>
        all.Where(n => n.Name.Length > 0).GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .SelectMany(group => group.Skip(1).Select(n => new DuplicateModel(
                ExperimentDiagnostics.DuplicateName.Format(n.Name, string.Join(", ", group.Where(o => o.Site != n.Site).Select(o => $"class {o.Site.ClassName}"))),
                n.Site.FilePath, n.Site.Span)))
            .ToEquatableArray();
}
