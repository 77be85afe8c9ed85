using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Planning;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Emit;

/// <summary>
/// Renders a step scalar (the same for every entry of every slot: bias corrections such as 1 - beta2^t) in
/// double and rounds it to float once, as PyTorch does in Python. In float, 1 - 0.999^2 loses a third of its
/// digits to cancellation, enough for Adam at lr 0.5 to leave 1e-6 of torch.optim after two steps. Returns null
/// for an expression with a part that has no double form here; the float writer takes those.
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
        BoundCall { Function: Function.Sqrt } call => Write(call.Arguments[0]) is { } x ? $"global::System.Math.Sqrt({x})" : null,
        BoundCall { Function: Function.Exp } call => Write(call.Arguments[0]) is { } x ? $"global::System.Math.Exp({x})" : null,
        BoundCall { Function: Function.Log } call => Write(call.Arguments[0]) is { } x ? $"global::System.Math.Log({x})" : null,
        _ => null,
    };

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
