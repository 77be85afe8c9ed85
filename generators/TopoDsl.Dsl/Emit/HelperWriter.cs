using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Emit;

/// <summary>Private helpers of the generated class, emitted only when the rule needs them (the runtime has no DSL types).</summary>
internal static class HelperWriter
{
    public static void Write(CodeWriter writer, RuleModel model)
    {
        if (PlanQueries.UsesFunction(model, Function.Sign)) WriteSign(writer);
        if (PlanQueries.AllNodes(model).Any(n => n is BoundReduction)) WriteArrayReductions(writer);
        if (PlanQueries.AllNodes(model).Any(n => n is BoundSubscript)) WriteElement(writer);
        if (model.Plan.Ops.Any(op => op is Planning.MatMulOp)) WriteMatMul(writer);
        if (model.Plan.Ops.Any(op => op is Planning.TransposeOp)) WriteTranspose(writer);
    }

    /// <summary>torch.sign: 0 at 0, NaN stays NaN (MathF.Sign would throw on NaN).</summary>
    private static void WriteSign(CodeWriter writer)
    {
        writer.Line();
        writer.Line("private static float TopoDslSign(float x) => x > 0f ? 1f : x < 0f ? -1f : x;");
    }

    private static void WriteArrayReductions(CodeWriter writer)
    {
        foreach (string type in new[] { "float", "double" })
        {
            writer.Line();
            writer.Open($"private static float TopoDslReduce({type}[] values, int kind)");
            writer.Line("double sum = 0;");
            writer.Line("double max = global::System.Double.NegativeInfinity;");
            writer.Open("foreach (double v in values)");
            writer.Line("sum += kind == 2 ? v * v : v;");
            writer.Line("max = global::System.Math.Max(max, v);");
            writer.Close();
            writer.Line("return (float)(kind == 0 ? sum : kind == 1 ? sum / values.Length : kind == 2 ? global::System.Math.Sqrt(sum) : max);");
            writer.Close();
        }
    }

    /// <summary>A call of the checked array read: the index is computed in double and checked when the step runs.</summary>
    public static string Element(string array, string index, BoundSubscript subscript) =>
        $"TopoDslElement({array}, {index}, {CSharpLiterals.String(subscript.Target is BoundHyperparameter h ? h.Name : "array")})";

    /// <summary>
    /// The index of a hyperparameter array may be t or a hyperparameter set at run time: an index that is not a
    /// whole number inside the array stops the step with a message naming the array, not an IndexOutOfRangeException.
    /// </summary>
    private static void WriteElement(CodeWriter writer)
    {
        foreach (string type in new[] { "float", "double" })
        {
            writer.Line();
            writer.Open($"private static float TopoDslElement({type}[] values, double index, string name)");
            writer.Line("if (values is null) throw new global::System.InvalidOperationException($\"the rule reads {name}[...], but {name} is null\");");
            writer.Line("if (!(index >= 0 && index < values.Length && index == global::System.Math.Floor(index)))");
            writer.Line("    throw new global::System.InvalidOperationException($\"the rule reads {name}[{index}], but {name} has {values.Length} entries (indices 0 to {values.Length - 1})\");");
            writer.Line("return (float)values[(int)index];");
            writer.Close();
        }
    }

    /// <summary>c[m x n] = a[m x k] @ b[k x n], row-major, accumulated in double.</summary>
    private static void WriteMatMul(CodeWriter writer)
    {
        writer.Line();
        writer.Open("private static void TopoDslMatMul(global::System.ReadOnlySpan<float> a, global::System.ReadOnlySpan<float> b, global::System.Span<float> c, int m, int k, int n)");
        writer.Line("for (int r = 0; r < m; r++)");
        writer.Line("    for (int j = 0; j < n; j++)");
        writer.Line("    {");
        writer.Line("        double sum = 0;");
        writer.Line("        for (int q = 0; q < k; q++) sum += (double)a[r * k + q] * b[q * n + j];");
        writer.Line("        c[r * n + j] = (float)sum;");
        writer.Line("    }");
        writer.Close();
    }

    private static void WriteTranspose(CodeWriter writer)
    {
        writer.Line();
        writer.Open("private static void TopoDslTranspose(global::System.ReadOnlySpan<float> a, global::System.Span<float> c, int m, int n)");
        writer.Line("for (int r = 0; r < m; r++)");
        writer.Line("    for (int j = 0; j < n; j++)");
        writer.Line("        c[j * m + r] = a[r * n + j];");
        writer.Close();
    }
}
