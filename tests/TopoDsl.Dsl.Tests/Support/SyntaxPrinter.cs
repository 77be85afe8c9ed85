using System.Globalization;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Tests.Support;

/// <summary>Prints parsed expressions as S-expressions, so precedence and associativity are visible in tests.</summary>
public static class SyntaxPrinter
{
    internal static string Print(Expr expression) => expression switch
    {
        NumberExpr number => number.Value.ToString("R", CultureInfo.InvariantCulture),
        NameExpr name => name.Name,
        NegateExpr negate => $"(neg {Print(negate.Operand)})",
        BinaryExpr binary => $"({Symbol(binary.Operator)} {Print(binary.Left)} {Print(binary.Right)})",
        CompareExpr compare => $"({Symbol(compare.Operator)} {Print(compare.Left)} {Print(compare.Right)})",
        CallExpr call => $"({call.Name}{string.Concat(call.Arguments.Select(a => " " + Print(a)))})",
        SubscriptExpr subscript => $"([] {Print(subscript.Target)} {Print(subscript.Index)})",
        _ => "?",
    };

    internal static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/", BinaryOperator.Power => "^", _ => "@",
    };

    internal static string Symbol(CompareOperator op) => op switch
    {
        CompareOperator.Less => "<", CompareOperator.LessEqual => "<=", CompareOperator.Greater => ">",
        CompareOperator.GreaterEqual => ">=", CompareOperator.Equal => "==", _ => "!=",
    };

    /// <summary>Parses one rule and returns its statements and diagnostics.</summary>
    internal static (IReadOnlyList<Statement> Statements, IReadOnlyList<DslDiagnostic> Diagnostics) Parse(string text)
    {
        var diagnostics = new DiagnosticBag(text);
        var statements = Parser.Parse(text, diagnostics);
        return (statements, diagnostics.Items);
    }

    /// <summary>The S-expression of the value of the single statement <c>x = EXPR</c>.</summary>
    public static string ParseValue(string expression)
    {
        var (statements, diagnostics) = Parse("x = " + expression);
        Assert.Empty(diagnostics);
        return Print(Assert.Single(statements).Value!);
    }
}
