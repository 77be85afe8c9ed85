namespace TopoDsl.Dsl.Binding;

/// <summary>Generic traversal of bound expressions: their children, and rebuilding with mapped children.</summary>
internal static class Tree
{
    public static IEnumerable<BoundExpr> Children(BoundExpr expression) => expression switch
    {
        BoundNegate negate => [negate.Operand],
        BoundBinary binary => [binary.Left, binary.Right],
        BoundCompare compare => [compare.Left, compare.Right],
        BoundCall call => call.Arguments,
        BoundReduction reduction => [reduction.Operand],
        BoundSubscript subscript => [subscript.Target, subscript.Index],
        _ => [],
    };

    public static BoundExpr Map(BoundExpr expression, Func<BoundExpr, BoundExpr> map) => expression switch
    {
        BoundNegate negate => negate with { Operand = map(negate.Operand) },
        BoundBinary binary => binary with { Left = map(binary.Left), Right = map(binary.Right) },
        BoundCompare compare => compare with { Left = map(compare.Left), Right = map(compare.Right) },
        BoundCall call => call with { Arguments = call.Arguments.Select(map).ToEquatableArray() },
        BoundReduction reduction => reduction with { Operand = map(reduction.Operand) },
        BoundSubscript subscript => subscript with { Target = map(subscript.Target), Index = map(subscript.Index) },
        _ => expression,
    };

    /// <summary>The expression and all its descendants, parents first, left to right (the order noise is drawn in).</summary>
    public static IEnumerable<BoundExpr> PreOrder(BoundExpr expression)
    {
        yield return expression;
        foreach (var child in Children(expression))
            foreach (var node in PreOrder(child))
                yield return node;
    }
}
