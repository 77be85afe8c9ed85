using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoDsl.Dsl;
using TopoDsl.Generators.Diagnostics;
using TopoDsl.Generators.Model;

namespace TopoDsl.Generators.Reading;

/// <summary>
/// The transform of the pipeline: from an [UpdateRule] class to its generated code and diagnostics, as plain
/// values. Symbols and syntax nodes are used here and never leave.
/// </summary>
internal static class RuleReader
{
    public static RuleResult Read(GeneratorAttributeSyntaxContext target, CancellationToken cancellation)
    {
        var type = (INamedTypeSymbol)target.TargetSymbol;
        var declaration = (TypeDeclarationSyntax)target.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();

        CheckTarget(type, declaration, diagnostics);
        var (text, literal) = RuleText(target.Attributes[0], declaration, cancellation, diagnostics);
        if (text is null || diagnostics.Count > 0) return new RuleResult(null, diagnostics.ToEquatableArray());

        cancellation.ThrowIfCancellationRequested();
        var hyperparameters = HyperparameterReader.Read(type, target.SemanticModel.Compilation, cancellation);
        var analysis = RuleCompiler.Analyze(text, new RuleContext(hyperparameters));
        var positions = LiteralPositions.Of(literal!, text);
        foreach (var found in analysis.Diagnostics)
        {
            var span = positions?.Map(found.Start, found.Length) ?? literal!.Span;
            diagnostics.Add(DiagnosticInfo.Create(RoslynDescriptors.For(found.Id), found.Message, Location.Create(literal!.SyntaxTree, span)));
        }

        if (analysis.Model is { } model) CheckGeneratedMembers(type, model, diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return new RuleResult(null, diagnostics.ToEquatableArray());

        cancellation.ThrowIfCancellationRequested();
        var source = RuleCompiler.Emit(analysis, EmitTargetOf(type, declaration));
        var code = source is null ? null : new GeneratedRule(HintName(type), source);
        return new RuleResult(code, diagnostics.ToEquatableArray());
    }

    private static void CheckTarget(INamedTypeSymbol type, TypeDeclarationSyntax declaration, List<DiagnosticInfo> diagnostics)
    {
        var at = declaration.Identifier.GetLocation();
        string? unsupported =
            declaration is not ClassDeclarationSyntax ? WithArticle(KeywordsOf(declaration)) :
            type.IsStatic ? "a static class" :
            type.IsFileLocal ? "a file-local class" :
            InFileLocalType(type) ? "nested in a file-local type" :
            type.IsAbstract ? "an abstract class" :
            type.Arity > 0 ? "a generic class" : null;
        if (unsupported is not null)
            diagnostics.Add(Usage(UsageDiagnostics.UnsupportedTarget, at, type.Name, unsupported));
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            diagnostics.Add(Usage(UsageDiagnostics.NotPartial, at, type.Name, "class"));
        for (var parent = declaration.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
            if (!parent.Modifiers.Any(SyntaxKind.PartialKeyword))
                diagnostics.Add(Usage(UsageDiagnostics.NotPartial, parent.Identifier.GetLocation(), parent.Identifier.ValueText, "containing type"));
    }

    /// <summary>A file-local type cannot be continued in the generated file (that would be another type).</summary>
    private static bool InFileLocalType(INamedTypeSymbol type)
    {
        for (var parent = type.ContainingType; parent is not null; parent = parent.ContainingType)
            if (parent.IsFileLocal) return true;
        return false;
    }

    private static string WithArticle(string noun) => ("aeiou".IndexOf(noun[0]) >= 0 ? "an " : "a ") + noun;

    /// <summary>Members of the user's class that the generated part would declare again (CS0102 in generated code otherwise).</summary>
    private static void CheckGeneratedMembers(INamedTypeSymbol type, RuleModel model, List<DiagnosticInfo> diagnostics)
    {
        var generated = TopoDsl.Dsl.Emit.GeneratedMembers.Of(model).ToDictionary(m => m.Name, m => m.Role, StringComparer.Ordinal);
        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member.Locations.FirstOrDefault(l => l.IsInSource) is not { } at) continue;
            string? role = generated.TryGetValue(member.Name, out var r) ? r
                : TopoDsl.Dsl.Emit.GeneratedMembers.IsHelperName(member.Name) ? "the TopoDsl* helpers" : null;
            if (role is not null) diagnostics.Add(Usage(UsageDiagnostics.GeneratedMemberClash, at, member.Name, role));
        }
    }

    private static (string? Text, ExpressionSyntax? Literal) RuleText(AttributeData attribute, TypeDeclarationSyntax declaration,
        CancellationToken cancellation, List<DiagnosticInfo> diagnostics)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) as AttributeSyntax;
        var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault()?.Expression;
        var text = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (text is null || argument is null)
        {
            var at = (argument ?? (SyntaxNode?)syntax ?? declaration).GetLocation();
            diagnostics.Add(Usage(UsageDiagnostics.RuleNotConstant, at, declaration.Identifier.ValueText));
            return (null, null);
        }
        return (text, argument);
    }

    private static DiagnosticInfo Usage(TopoDsl.Dsl.DiagnosticDescriptor descriptor, Location at, params object[] arguments) =>
        DiagnosticInfo.Create(descriptor, at, arguments);

    private static EmitTarget EmitTargetOf(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
    {
        var containing = new List<string>();
        for (var parent = declaration.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
            containing.Insert(0, $"partial {KeywordsOf(parent)} {parent.Identifier.Text}{parent.TypeParameterList}");
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        // Identifier.Text keeps a verbatim @ (class @event), which the generated declaration needs.
        return new EmitTarget(ns, declaration.Identifier.Text, containing.ToEquatableArray(), AccessibilityOf(type));
    }

    private static string KeywordsOf(TypeDeclarationSyntax type) => type is RecordDeclarationSyntax record
        ? record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record"
        : type.Keyword.ValueText;

    internal static string AccessibilityOf(INamedTypeSymbol type) => type.DeclaredAccessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "internal",
    };

    private static string HintName(INamedTypeSymbol type) =>
        HintNames.Of(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), "UpdateRule");
}
