using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TopoDsl.Generators.Diagnostics;

namespace TopoDsl.Generators.Model;

/// <summary>
/// A diagnostic as values that compare cheaply, for the pipeline's models. It keeps the syntax tree rather than a
/// file path: a location inside a tree is what lets #pragma and .editorconfig suppress the diagnostic, and a
/// tree does not keep the compilation alive. <see cref="ToDiagnostic"/> builds the Roslyn diagnostic.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id, string Title, string Message, DiagnosticSeverity Severity, string HelpUri, string Category,
    SyntaxTree? Tree, TextSpan Span)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string message, Location location) =>
        new(descriptor.Id, descriptor.Title.ToString(), message, descriptor.DefaultSeverity, descriptor.HelpLinkUri,
            descriptor.Category, location.SourceTree, location.SourceSpan);

    /// <summary>A TopoDsl diagnostic (its message formatted with <paramref name="arguments"/>) at <paramref name="location"/>.</summary>
    public static DiagnosticInfo Create(TopoDsl.Dsl.DiagnosticDescriptor descriptor, Location location, params object[] arguments) =>
        Create(RoslynDescriptors.For(descriptor.Id), descriptor.Format(arguments), location);

    public Diagnostic ToDiagnostic()
    {
        var descriptor = new DiagnosticDescriptor(Id, Title, "{0}", Category, Severity, isEnabledByDefault: true, helpLinkUri: HelpUri,
            customTags: RoslynDescriptors.TagsFor(Severity));
        var location = Tree is null ? Location.None : Location.Create(Tree, Span);
        return Diagnostic.Create(descriptor, location, Message);
    }
}
