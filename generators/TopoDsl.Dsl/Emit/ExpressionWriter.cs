using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Planning;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Emit;

/// <summary>
/// Renders a planned expression as C#, fully parenthesised so the float operations happen exactly in the
/// rule's order: as float scalars, or as Vector&lt;float&gt; (scalars then come from broadcast variables).
/// Noise nodes render as the names of values drawn before the statement, in a fixed order.
/// </summary>
internal sealed class ExpressionWriter
{
    private readonly IReadOnlyDictionary<BoundExpr, string> _noise;
    private readonly IReadOnlyDictionary<string, string>? _broadcasts;

    private ExpressionWriter(IReadOnlyDictionary<BoundExpr, string> noise, IReadOnlyDictionary<string, string>? broadcasts)
    {
        _noise = noise;
        _broadcasts = broadcasts;
    }

    public static ExpressionWriter Scalar(IReadOnlyDictionary<BoundExpr, string>? noise = null) =>
        new(noise ?? new Dictionary<BoundExpr, string>(), null);

    public static ExpressionWriter Vector(IReadOnlyDictionary<string, string> broadcasts) =>
        new(new Dictionary<BoundExpr, string>(), broadcasts);

    private bool IsVector => _broadcasts is not null;

    /// <summary>Scalar leaves: values the same for every entry, which a vector loop broadcasts once.</summary>
    public static bool IsScalarLeaf(BoundExpr expression) => expression is BoundLiteral or BoundBuiltin { Kind: Builtin.Step }
        or ScalarRef or ReductionRef { PerNeuron: false } or BoundNegate { Operand: BoundLiteral }
        || expression is BoundHyperparameter { Type: not (HyperparameterType.FloatArray or HyperparameterType.DoubleArray) };

    public string Write(BoundExpr expression)
    {
        if (IsVector && IsScalarLeaf(expression)) return _broadcasts![Scalar().Write(expression)];
        return expression switch
        {
            BoundLiteral literal => CSharpLiterals.Float(literal.Value),
            BoundHyperparameter { Type: HyperparameterType.FloatArray or HyperparameterType.DoubleArray } array => "this." + CSharpLiterals.Identifier(array.Name),
            BoundHyperparameter hyperparameter => Names.Hyperparameter(hyperparameter.Name),
            BoundBuiltin { Kind: Builtin.Parameter } => Names.Parameter,
            BoundBuiltin { Kind: Builtin.Gradient } => Names.Gradient,
            BoundBuiltin => Names.Step,
            BoundState state => Names.Dsl(state.Name),
            BoundLocal local => Names.Dsl(local.Name),
            ScalarRef scalar => Names.Scalar(scalar.Id),
            BufferRef buffer => IsVector ? $"new {Names.Vector}({Names.Buffer(buffer.Id)}, i)" : $"{Names.Buffer(buffer.Id)}[i]",
            ReductionRef { PerNeuron: true } reduction => $"(float){Names.NeuronAccumulator(reduction.Id)}[nrn]",
            ReductionRef reduction => Names.Reduction(reduction.Id),
            BoundNegate negate => $"(-{Write(negate.Operand)})",
            BoundBinary binary => Binary(binary),
            BoundCompare compare => Compare(compare),
            BoundCall call => Call(call),
            BoundReduction reduction => ArrayReduction(reduction),
            BoundSubscript subscript => HelperWriter.Element(Write(subscript.Target), Write(subscript.Index), subscript),
            _ => throw new InvalidOperationException($"cannot emit {expression.GetType().Name}"),
        };
    }

    private string Binary(BoundBinary binary)
    {
        string left = Write(binary.Left);
        switch (binary.Operator)
        {
            case BinaryOperator.Power when binary.Right.LiteralValue() is { } exponent && Vectorization.IsSpecialExponent(exponent):
                // What torch does for these exponents: x*x, x*x*x, sqrt, reciprocal.
                return exponent switch
                {
                    2 => $"({left} * {left})",
                    3 => $"({left} * {left} * {left})",
                    0.5 => Apply("Sqrt", left),
                    _ => $"({One} / {left})",
                };
            case BinaryOperator.Power:
                return $"{Names.MathF}.Pow({left}, {Write(binary.Right)})";
        }
        string op = binary.Operator switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/",
            _ => throw new InvalidOperationException("matrix products are planned as kernel operations"),
        };
        return $"({left} {op} {Write(binary.Right)})";
    }

    private string One => IsVector ? Names.Vector + ".One" : "1f";

    private string Zero => IsVector ? Names.Vector + ".Zero" : "0f";

    private string Compare(BoundCompare compare)
    {
        string left = Write(compare.Left), right = Write(compare.Right);
        if (IsVector)
            return compare.Operator switch
            {
                CompareOperator.Less => $"{Names.VectorStatics}.LessThan({left}, {right})",
                CompareOperator.LessEqual => $"{Names.VectorStatics}.LessThanOrEqual({left}, {right})",
                CompareOperator.Greater => $"{Names.VectorStatics}.GreaterThan({left}, {right})",
                CompareOperator.GreaterEqual => $"{Names.VectorStatics}.GreaterThanOrEqual({left}, {right})",
                CompareOperator.Equal => $"{Names.VectorStatics}.Equals({left}, {right})",
                _ => $"(~{Names.VectorStatics}.Equals({left}, {right}))",
            };
        return Comparisons.Write(compare.Operator, left, right, "float");
    }

    private string Call(BoundCall call)
    {
        if (call.Function is Binding.Function.Randn or Binding.Function.Rand) return _noise[call];
        var args = call.Arguments.Select(Write).ToArray();
        return call.Function switch
        {
            Binding.Function.Sqrt => Apply("Sqrt", args[0]),
            Binding.Function.Abs => Apply("Abs", args[0]),
            Binding.Function.Min => Apply("Min", args[0], args[1]),
            Binding.Function.Max => Apply("Max", args[0], args[1]),
            Binding.Function.Clamp => Apply("Min", Apply("Max", args[0], args[1]), args[2]),
            Binding.Function.Relu => Apply("Max", args[0], Zero),
            Binding.Function.Square => $"({args[0]} * {args[0]})",
            Binding.Function.Where when IsVector => $"{Names.VectorStatics}.ConditionalSelect({args[0]}, {args[1]}, {args[2]})",
            Binding.Function.Where => $"({args[0]} ? {args[1]} : {args[2]})",
            Binding.Function.Exp => $"{Names.MathF}.Exp({args[0]})",
            Binding.Function.Log => $"{Names.MathF}.Log({args[0]})",
            Binding.Function.Tanh => $"{Names.MathF}.Tanh({args[0]})",
            Binding.Function.Floor => $"{Names.MathF}.Floor({args[0]})",
            Binding.Function.Round => $"{Names.MathF}.Round({args[0]})",
            Binding.Function.Sigmoid => $"(1f / (1f + {Names.MathF}.Exp(-{args[0]})))",
            Binding.Function.Sign => $"TopoDslSign({args[0]})",
            _ => throw new InvalidOperationException($"{call.Function} has no entry-by-entry form"),
        };
    }

    private string Apply(string name, params string[] args) =>
        $"{(IsVector ? (name == "Sqrt" ? Names.VectorStatics + ".SquareRoot" : Names.VectorStatics + "." + name) : Names.MathF + "." + name)}({string.Join(", ", args)})";

    private string ArrayReduction(BoundReduction reduction) =>
        $"TopoDslReduce({Write(reduction.Operand)}, {(int)reduction.Kind})";
}
