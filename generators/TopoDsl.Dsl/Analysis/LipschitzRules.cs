using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Analysis;

/// <summary>What an operation needs of its operands for the result to stay locally Lipschitz.</summary>
internal enum LipschitzRequirement
{
    /// <summary>Locally Lipschitz for every operand: sums, products, min/max, abs, exp, tanh, reductions, @, ...</summary>
    None,
    /// <summary>Jumps: the argument must not vary (sign, floor, round).</summary>
    ArgumentConstant,
    /// <summary>The divisor's floor is positive, or it is a constant that is not 0 (as float32 sees it).</summary>
    DivisorAwayFromZero,
    /// <summary>log: the argument's floor is positive.</summary>
    ArgumentPositive,
    /// <summary>sqrt: the argument is a positive value or a square (root order at least 2): sqrt(v) of a running mean of g^2 is a norm.</summary>
    RootOfSquare,
    /// <summary>x^y: by the exponent (see <see cref="LipschitzRules.Power"/>).</summary>
    PowerDomain,
    /// <summary>where on a varying condition: both branches agree where the condition switches.</summary>
    BranchesAgree,
}

/// <summary>One row of the table: an operation of the language, its requirement and the diagnostic that reports a breach.</summary>
internal sealed record LipschitzRule(string Operation, LipschitzRequirement Requirement, DiagnosticDescriptor? Diagnostic);

/// <summary>
/// The one table the Lipschitz check is derived from: every operation of the language, what it needs for the
/// update to stay locally Lipschitz in (p, g and the history the states summarise), and the diagnostic for a
/// breach. The analysis asks this table for every node it evaluates; the tests enumerate it.
/// </summary>
internal static class LipschitzRules
{
    private static readonly LipschitzRule Smooth = new("smooth", LipschitzRequirement.None, null);

    public static LipschitzRule Divide { get; } = new("/", LipschitzRequirement.DivisorAwayFromZero, DiagnosticCatalog.DivisionByZero);

    /// <summary>
    /// x^e: a constant whole e &gt;= 0 is a polynomial; a fractional e needs x &gt;= 0 (else NaN) and, below 1, x positive
    /// or a power h^r with r·e &gt;= 1; e &lt; 0 divides by x; an exponent that varies or is unknown needs x positive.
    /// </summary>
    public static LipschitzRule Power { get; } = new("^", LipschitzRequirement.PowerDomain, DiagnosticCatalog.PowerNearZero);

    public static LipschitzRule Where { get; } = new("where", LipschitzRequirement.BranchesAgree, DiagnosticCatalog.DiscontinuousWhere);

    public static LipschitzRule For(BinaryOperator op) => op switch
    {
        BinaryOperator.Divide => Divide,
        BinaryOperator.Power => Power,
        _ => Smooth with { Operation = op.ToString() },
    };

    public static LipschitzRule For(Function function) => function switch
    {
        Function.Sign => new("sign", LipschitzRequirement.ArgumentConstant, DiagnosticCatalog.SignOfState),
        Function.Floor or Function.Round => new(function.ToString().ToLowerInvariant(), LipschitzRequirement.ArgumentConstant, DiagnosticCatalog.StepFunction),
        Function.Log => new("log", LipschitzRequirement.ArgumentPositive, DiagnosticCatalog.LogOfZero),
        Function.Sqrt => new("sqrt", LipschitzRequirement.RootOfSquare, DiagnosticCatalog.RootNearZero),
        Function.Where => Where,
        _ => Smooth with { Operation = function.ToString().ToLowerInvariant() },
    };

    /// <summary>Sums, means, norms and maxima of locally Lipschitz entries are locally Lipschitz.</summary>
    public static LipschitzRule For(ReductionKind kind) => Smooth with { Operation = kind.ToString().ToLowerInvariant() };

    /// <summary>Every row, for the tests: binary operators, functions, reductions.</summary>
    public static IReadOnlyList<LipschitzRule> All { get; } =
        Enum.GetValues(typeof(BinaryOperator)).Cast<BinaryOperator>().Select(For)
            .Concat(Enum.GetValues(typeof(Function)).Cast<Function>().Select(For))
            .Concat(Enum.GetValues(typeof(ReductionKind)).Cast<ReductionKind>().Select(For))
            .ToList();
}
