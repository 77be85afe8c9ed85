using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Emit;

/// <summary>
/// Draws every randn()/rand() of a statement before evaluating it, in pre-order: the draws happen whether or
/// not a where() branch uses them, so the random stream does not depend on the data.
/// </summary>
internal static class NoiseWriter
{
    public static Dictionary<BoundExpr, string> DrawBefore(CodeWriter writer, IEnumerable<BoundExpr> expressions, ref int draws)
    {
        var names = new Dictionary<BoundExpr, string>(ReferenceComparer<BoundExpr>.Instance);
        foreach (var node in expressions.SelectMany(Tree.PreOrder))
        {
            if (node is not BoundCall { Function: Function.Randn or Function.Rand } call) continue;
            string name = "z" + draws++;
            names.Add(node, name);
            writer.Line($"float {name} = {(call.Function == Function.Randn ? "TopoDslGaussian()" : "TopoDslUniform()")};");
        }
        return names;
    }
}
