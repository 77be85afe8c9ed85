using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// A sound sufficient test that where(L op R, a, b) is continuous: on the boundary L = R both branches must be
/// the same function. We substitute R for every occurrence of L in a and b, fold literals and trivial identities
/// (x - x = 0, x * 0 = 0, x + 0 = x, x * 1 = x), and compare the terms. where(x > 0, x, 0) and the leaky
/// where(x > 0, x, 0.01 * x) pass; anything the folding cannot see is reported as possibly discontinuous.
/// </summary>
internal static class Continuity
{
    public static bool BranchesAgreeOnBoundary(BoundCompare condition, BoundExpr whenTrue, BoundExpr whenFalse)
    {
        var from = Terms.Of(condition.Left);
        var to = Terms.Of(condition.Right);
        var a = Fold(Substitute(Terms.Of(whenTrue), from, to));
        var b = Fold(Substitute(Terms.Of(whenFalse), from, to));
        return a.Equals(b);
    }

    private static Terms.Term Substitute(Terms.Term term, Terms.Term from, Terms.Term to)
    {
        if (term.Equals(from)) return to;
        return term is Terms.Apply apply
            ? apply with { Arguments = apply.Arguments.Select(a => Substitute(a, from, to)).ToEquatableArray() }
            : term;
    }

    private static Terms.Term Fold(Terms.Term term)
    {
        if (term is not Terms.Apply apply) return term;
        var args = apply.Arguments.Select(Fold).ToArray();
        double? Value(int i) => args[i] is Terms.Literal literal ? literal.Value : null;
        switch (apply.Operator)
        {
            case "neg" when Value(0) is { } x: return new Terms.Literal(-x);
            case nameof(Syntax.BinaryOperator.Add) when Value(0) is { } x && Value(1) is { } y: return new Terms.Literal(x + y);
            case nameof(Syntax.BinaryOperator.Subtract) when Value(0) is { } x && Value(1) is { } y: return new Terms.Literal(x - y);
            case nameof(Syntax.BinaryOperator.Multiply) when Value(0) is { } x && Value(1) is { } y: return new Terms.Literal(x * y);
            case nameof(Syntax.BinaryOperator.Add) when Value(1) == 0: return args[0];
            case nameof(Syntax.BinaryOperator.Add) when Value(0) == 0: return args[1];
            case nameof(Syntax.BinaryOperator.Subtract) when Value(1) == 0: return args[0];
            case nameof(Syntax.BinaryOperator.Subtract) when args[0].Equals(args[1]): return new Terms.Literal(0);
            case nameof(Syntax.BinaryOperator.Multiply) when Value(0) == 0 || Value(1) == 0: return new Terms.Literal(0);
            case nameof(Syntax.BinaryOperator.Multiply) when Value(1) == 1: return args[0];
            case nameof(Syntax.BinaryOperator.Multiply) when Value(0) == 1: return args[1];
            case nameof(Syntax.BinaryOperator.Divide) when Value(1) == 1: return args[0];
            // sqrt(0), abs(0), relu(0), square(0), x^2 at 0 ... : functions of literals fold too, so where(g > 0, sqrt(g), 0) agrees at 0
            case nameof(Binding.Function.Sqrt) when Value(0) is { } x && x >= 0: return new Terms.Literal(Math.Sqrt(x));
            case nameof(Binding.Function.Abs) when Value(0) is { } x: return new Terms.Literal(Math.Abs(x));
            case nameof(Binding.Function.Relu) when Value(0) is { } x: return new Terms.Literal(Math.Max(x, 0));
            case nameof(Binding.Function.Square) when Value(0) is { } x: return new Terms.Literal(x * x);
            case nameof(Binding.Function.Tanh) when Value(0) == 0: return new Terms.Literal(0);
            case nameof(Syntax.BinaryOperator.Power) when Value(0) is { } x && Value(1) is { } y && (x > 0 || y == Math.Floor(y) && y >= 0):
                return new Terms.Literal(Math.Pow(x, y));
        }
        return apply with { Arguments = args };
    }
}
