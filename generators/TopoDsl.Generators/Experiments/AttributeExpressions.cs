using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TopoDsl.Generators.Experiments;

/// <summary>Reading attribute arguments, and writing an applied attribute back as the C# expression that creates it.</summary>
internal static class AttributeExpressions
{
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary><c>new global::N.TAttribute(args) { Named = value, ... }</c>.</summary>
    public static string Creation(AttributeData attribute)
    {
        string type = attribute.AttributeClass!.ToDisplayString(Qualified);
        var arguments = attribute.ConstructorArguments.Select(Literal);
        var named = attribute.NamedArguments.Select(a => $"{a.Key} = {Literal(a.Value)}").ToList();
        return $"new {type}({string.Join(", ", arguments)})" + (named.Count == 0 ? "" : $" {{ {string.Join(", ", named)} }}");
    }

    public static string Literal(TypedConstant constant)
    {
        if (constant.IsNull) return "null";
        return constant.Kind switch
        {
            TypedConstantKind.Array => $"new {((IArrayTypeSymbol)constant.Type!).ElementType.ToDisplayString(Qualified)}[] {{ {string.Join(", ", constant.Values.Select(Literal))} }}",
            TypedConstantKind.Enum => $"({constant.Type!.ToDisplayString(Qualified)}){Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture)}",
            TypedConstantKind.Type => $"typeof({((ITypeSymbol)constant.Value!).ToDisplayString(Qualified)})",
            TypedConstantKind.Primitive when constant.Value is double d => Dsl.Emit.CSharpLiterals.Double(d),
            TypedConstantKind.Primitive when constant.Value is float f => Dsl.Emit.CSharpLiterals.Float(f),
            TypedConstantKind.Primitive when constant.Value is string s => Dsl.Emit.CSharpLiterals.String(s),
            _ => constant.ToCSharpString(),
        };
    }

    public static T Named<T>(AttributeData attribute, string name, T fallback) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name) is { Key: not null } found && found.Value.Value is T value ? value : fallback;

    /// <summary>A named int[] argument (an explicit null is no values), or <paramref name="fallback"/> when it is not given.</summary>
    public static int[] NamedInts(AttributeData attribute, string name, int[] fallback) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name) is { Key: not null } found && found.Value.Kind == TypedConstantKind.Array
            ? ValuesOf(found.Value).Select(v => v.Value is int i ? i : 0).ToArray()
            : fallback;

    /// <summary>The values of a params-array constructor argument (none for an explicit null), or the arguments themselves.</summary>
    public static IReadOnlyList<TypedConstant> ParamsValues(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
            ? ValuesOf(attribute.ConstructorArguments[0])
            : attribute.ConstructorArguments;

    /// <summary>An array constant's elements; a null array (<c>[Sweep(null)]</c>) has none, where Roslyn gives a default ImmutableArray.</summary>
    private static IReadOnlyList<TypedConstant> ValuesOf(TypedConstant array) => array.IsNull ? [] : array.Values;

    /// <summary>The attribute as written, or the class when the attribute has no syntax (it always has in source).</summary>
    public static Location LocationOf(AttributeData attribute, CancellationToken cancellation) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellation).GetLocation() ?? Location.None;

    /// <summary>
    /// The i-th argument of the attribute as written, or the i-th element of a params array passed as one array
    /// (<c>[Sweep(new object[] { 0.1, "a" })]</c>); the whole attribute when there is no such argument.
    /// </summary>
    public static Location ArgumentLocation(AttributeData attribute, int index, CancellationToken cancellation)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) as AttributeSyntax;
        var arguments = syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList();
        if (arguments is { Count: 1 } && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Array, IsNull: false } array
            && Elements(arguments[0].Expression) is { } elements && elements.Count == array.Values.Length && index < elements.Count)
            return elements[index].GetLocation();
        return arguments is not null && index < arguments.Count ? arguments[index].GetLocation() : LocationOf(attribute, cancellation);
    }

    /// <summary>The elements of an array written out: <c>new T[] { ... }</c>, <c>new[] { ... }</c> or <c>[...]</c>.</summary>
    private static IReadOnlyList<SyntaxNode>? Elements(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
        CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) => collection.Elements,
        _ => null,
    };

    /// <summary>A named argument as written, e.g. <c>Layers = new[] { 3 }</c>.</summary>
    public static Location NamedArgumentLocation(AttributeData attribute, string name, CancellationToken cancellation)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation) as AttributeSyntax;
        var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return argument?.GetLocation() ?? LocationOf(attribute, cancellation);
    }
}
