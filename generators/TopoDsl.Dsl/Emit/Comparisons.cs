using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Emit;

/// <summary>Comparison operators as C# writes them, in float or double.</summary>
internal static class Comparisons
{
    public static string Symbol(CompareOperator op) => op switch
    {
        CompareOperator.Less => "<",
        CompareOperator.LessEqual => "<=",
        CompareOperator.Greater => ">",
        CompareOperator.GreaterEqual => ">=",
        CompareOperator.Equal => "==",
        _ => "!=",
    };

    /// <summary>
    /// <c>left op right</c>; x op x is written as its IEEE meaning (only NaN is not equal to itself), since C# warns
    /// CS1718 on a comparison of a variable with itself. <paramref name="type"/> is float or double.
    /// </summary>
    public static string Write(CompareOperator op, string left, string right, string type)
    {
        if (left != right) return $"({left} {Symbol(op)} {right})";
        return op switch
        {
            CompareOperator.Less or CompareOperator.Greater => "false",
            CompareOperator.NotEqual => $"{type}.IsNaN({left})",
            _ => $"!{type}.IsNaN({left})",
        };
    }
}
