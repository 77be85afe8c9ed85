using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoDsl.Dsl;

namespace TopoDsl.Generators.Reading;

/// <summary>
/// The hyperparameters a rule may read: the public instance fields and properties of the optimizer class and
/// its base classes, with their C# type and, when the initializer is a constant, their default value (the
/// Lipschitz analysis uses it: eps = 1e-8 is a positive constant).
/// </summary>
internal static class HyperparameterReader
{
    public static EquatableArray<Hyperparameter> Read(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellation)
    {
        var found = new List<Hyperparameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            foreach (var member in current.GetMembers())
            {
                cancellation.ThrowIfCancellationRequested();
                if (member.IsStatic || member.IsImplicitlyDeclared || member.DeclaredAccessibility != Accessibility.Public) continue;
                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property => property.Type,
                    _ => null,
                };
                if (memberType is null || !seen.Add(member.Name)) continue;
                found.Add(new Hyperparameter(member.Name, TypeOf(memberType), DefaultValue(member, compilation, cancellation)));
            }
        return found.ToEquatableArray();
    }

    private static HyperparameterType TypeOf(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_Single } => HyperparameterType.Float,
        { SpecialType: SpecialType.System_Double } => HyperparameterType.Double,
        { SpecialType: SpecialType.System_Int32 } => HyperparameterType.Int,
        IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Single } => HyperparameterType.FloatArray,
        IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Double } => HyperparameterType.DoubleArray,
        _ => HyperparameterType.Unsupported,
    };

    private static double? DefaultValue(ISymbol member, Compilation compilation, CancellationToken cancellation)
    {
        if (InitializerOf(member, cancellation) is not { } initializer) return null;
        var constant = compilation.GetSemanticModel(initializer.SyntaxTree).GetConstantValue(initializer, cancellation);
        return constant.HasValue && constant.Value is IConvertible value and not string
            ? value.ToDouble(System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The initializer of a field or property (<c>= 0.01</c>'s expression), if it has one.</summary>
    internal static ExpressionSyntax? InitializerOf(ISymbol member, CancellationToken cancellation)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax(cancellation) switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };
            if (initializer is not null) return initializer;
        }
        return null;
    }
}
