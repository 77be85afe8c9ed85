using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Planning;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Emit;

/// <summary>
/// Renders a step scalar (the same for every entry of every slot: bias corrections such as 1 - beta2^t) in
/// double and rounds it to float once, as PyTorch does in Python. In float, 1 - 0.999^2 loses a third of its
/// digits to cancellation, enough for Adam at lr 0.5 to leave 1e-6 of torch.optim after two steps. Every form a
/// step scalar can take has a double rendering here, so the Lipschitz check's intervals (computed in double from
/// the same leaves) describe the value the code computes; null only for a node the planner never hoists.
/// </summary>
internal static class StepScalarWriter
{
    public static string? TryWrite(BoundExpr expression)
    {
        string? body = Write(expression);
        return body is null ? null : $"(float){body}";
    }

    private static string? Write(BoundExpr expression) => expression switch
    {
        BoundLiteral literal => CSharpLiterals.Double(literal.Value),
        BoundHyperparameter { Type: HyperparameterType.Float or HyperparameterType.Double or HyperparameterType.Int } h =>
            $"(double){Names.Hyperparameter(h.Name)}",
        BoundBuiltin { Kind: Builtin.Step } => $"(double){Names.Step}",
        ScalarRef scalar => $"(double){Names.Scalar(scalar.Id)}",
        BoundNegate negate => Write(negate.Operand) is { } operand ? $"(-{operand})" : null,
        BoundBinary binary => Binary(binary),
        BoundSubscript subscript => Write(subscript.Index) is { } index
            ? "(double)" + HelperWriter.Element("this." + CSharpLiterals.Identifier(((BoundHyperparameter)subscript.Target).Name), index, subscript)
            : null,
        BoundReduction { Operand: BoundHyperparameter array } reduction =>
            $"(double)TopoDslReduce(this.{CSharpLiterals.Identifier(array.Name)}, {(int)reduction.Kind})",
        BoundCompare compare => Compare(compare),
        BoundCall call => Call(call),
        _ => null,
    };

    private static string? Call(BoundCall call)
    {
        var args = call.Arguments.Select(Write).ToArray();
        if (args.Any(a => a is null)) return null;
        string Math(string name, params string[] xs) => $"global::System.Math.{name}({string.Join(", ", xs)})";
        return call.Function switch
        {
            Function.Sqrt => Math("Sqrt", args[0]!),
            Function.Exp => Math("Exp", args[0]!),
            Function.Log => Math("Log", args[0]!),
            Function.Abs => Math("Abs", args[0]!),
            Function.Tanh => Math("Tanh", args[0]!),
            Function.Floor => Math("Floor", args[0]!),
            // MathF.Round and Math.Round both round half to even
            Function.Round => Math("Round", args[0]!),
            Function.Min => Math("Min", args[0]!, args[1]!),
            Function.Max => Math("Max", args[0]!, args[1]!),
            Function.Clamp => Math("Min", Math("Max", args[0]!, args[1]!), args[2]!),
            Function.Relu => Math("Max", args[0]!, "0.0"),
            Function.Square => $"({args[0]} * {args[0]})",
            Function.Sigmoid => $"(1.0 / (1.0 + {Math("Exp", $"-{args[0]}")}))",
            Function.Sign => $"(double)TopoDslSign((float){args[0]})",
            Function.Where => $"({args[0]} ? {args[1]} : {args[2]})",
            _ => null,
        };
    }

    private static string? Compare(BoundCompare compare) =>
        Write(compare.Left) is { } left && Write(compare.Right) is { } right ? Comparisons.Write(compare.Operator, left, right, "double") : null;

    private static string? Binary(BoundBinary binary)
    {
        if (Write(binary.Left) is not { } left || Write(binary.Right) is not { } right) return null;
        return binary.Operator switch
        {
            BinaryOperator.Add => $"({left} + {right})",
            BinaryOperator.Subtract => $"({left} - {right})",
            BinaryOperator.Multiply => $"({left} * {right})",
            BinaryOperator.Divide => $"({left} / {right})",
            BinaryOperator.Power => $"global::System.Math.Pow({left}, {right})",
            _ => null,
        };
    }
}
