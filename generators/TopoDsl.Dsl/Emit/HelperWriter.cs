using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Emit;

/// <summary>Private helpers of the generated class, emitted only when the rule needs them (the runtime has no DSL types).</summary>
internal static class HelperWriter
{
    public static void Write(CodeWriter writer, RuleModel model)
    {
        if (PlanQueries.UsesFunction(model, Function.Sign)) WriteSign(writer);
        if (PlanQueries.AllNodes(model).Any(n => n is BoundReduction)) WriteArrayReductions(writer);
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
