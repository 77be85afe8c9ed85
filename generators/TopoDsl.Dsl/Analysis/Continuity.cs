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
    private abstract record Term;

    private sealed record Literal(double Value) : Term;

    private sealed record Atom(string Key) : Term;

    private sealed record Apply(string Operator, EquatableArray<Term> Arguments) : Term;

    public static bool BranchesAgreeOnBoundary(BoundCompare condition, BoundExpr whenTrue, BoundExpr whenFalse)
    {
        var from = ToTerm(condition.Left);
        var to = ToTerm(condition.Right);
        var a = Fold(Substitute(ToTerm(whenTrue), from, to));
        var b = Fold(Substitute(ToTerm(whenFalse), from, to));
        return a.Equals(b);
    }

    private static Term ToTerm(BoundExpr expression) => expression switch
    {
        BoundLiteral literal => new Literal(literal.Value),
        BoundHyperparameter hyperparameter => new Atom("h:" + hyperparameter.Name),
        BoundBuiltin builtin => new Atom("b:" + builtin.Kind),
        BoundState state => new Atom("s:" + state.Name),
        BoundLocal local => new Atom("l:" + local.Name),
        BoundNegate negate => new Apply("neg", new[] { ToTerm(negate.Operand) }),
        BoundBinary binary => new Apply(binary.Operator.ToString(), new[] { ToTerm(binary.Left), ToTerm(binary.Right) }),
        BoundCompare compare => new Apply(compare.Operator.ToString(), new[] { ToTerm(compare.Left), ToTerm(compare.Right) }),
        BoundReduction reduction => new Apply(reduction.Kind + (reduction.PerNeuron ? ",neuron" : ""), new[] { ToTerm(reduction.Operand) }),
        // Each noise draw is its own random variable: two occurrences never agree.
        BoundCall { Function: Function.Randn or Function.Rand } noise => new Atom("noise@" + noise.Span.Start),
        BoundCall call => new Apply(call.Function.ToString(), call.Arguments.Select(ToTerm).ToEquatableArray()),
        _ => new Atom("?@" + expression.Span.Start),
    };

    private static Term Substitute(Term term, Term from, Term to)
    {
        if (term.Equals(from)) return to;
        return term is Apply apply
            ? apply with { Arguments = apply.Arguments.Select(a => Substitute(a, from, to)).ToEquatableArray() }
            : term;
    }

    private static Term Fold(Term term)
    {
        if (term is not Apply apply) return term;
        var args = apply.Arguments.Select(Fold).ToArray();
        double? Value(int i) => args[i] is Literal literal ? literal.Value : null;
        switch (apply.Operator)
        {
            case "neg" when Value(0) is { } x: return new Literal(-x);
            case nameof(Syntax.BinaryOperator.Add) when Value(0) is { } x && Value(1) is { } y: return new Literal(x + y);
            case nameof(Syntax.BinaryOperator.Subtract) when Value(0) is { } x && Value(1) is { } y: return new Literal(x - y);
            case nameof(Syntax.BinaryOperator.Multiply) when Value(0) is { } x && Value(1) is { } y: return new Literal(x * y);
            case nameof(Syntax.BinaryOperator.Add) when Value(1) == 0: return args[0];
            case nameof(Syntax.BinaryOperator.Add) when Value(0) == 0: return args[1];
            case nameof(Syntax.BinaryOperator.Subtract) when Value(1) == 0: return args[0];
            case nameof(Syntax.BinaryOperator.Subtract) when args[0].Equals(args[1]): return new Literal(0);
            case nameof(Syntax.BinaryOperator.Multiply) when Value(0) == 0 || Value(1) == 0: return new Literal(0);
            case nameof(Syntax.BinaryOperator.Multiply) when Value(1) == 1: return args[0];
            case nameof(Syntax.BinaryOperator.Multiply) when Value(0) == 1: return args[1];
            case nameof(Syntax.BinaryOperator.Divide) when Value(1) == 1: return args[0];
        }
        return apply with { Arguments = args };
    }
}
