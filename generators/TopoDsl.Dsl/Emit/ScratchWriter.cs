using TopoDsl.Dsl.Planning;

namespace TopoDsl.Dsl.Emit;

/// <summary>
/// Scratch buffers, allocated once per parameter slot on its first step and found again through a
/// ConditionalWeakTable keyed by the slot (no allocation per step). State buffers cannot serve: they have the
/// parameter's size, and a product such as g @ transpose(g) is rows x rows.
/// </summary>
internal static class ScratchWriter
{
    public static string Field(BufferInfo buffer) => "B" + buffer.Id;

    public static string Field(ReductionInfo reduction) => "Q" + reduction.Id;

    public static void Write(CodeWriter writer, RuleModel model)
    {
        string table = $"global::System.Runtime.CompilerServices.ConditionalWeakTable<{Names.Slot}, TopoDslScratch>";
        writer.Line($"private readonly {table} _topoDslScratch = new {table}();");
        writer.Line();
        writer.Open($"private TopoDslScratch TopoDslScratchFor({Names.Slot} slot, int rows, int cols, int count, int groups)");
        writer.Open("if (!_topoDslScratch.TryGetValue(slot, out TopoDslScratch? scratch))");
        writer.Line("scratch = new TopoDslScratch(rows, cols, count, groups);");
        writer.Line("_topoDslScratch.Add(slot, scratch);");
        writer.Close();
        writer.Line("return scratch;");
        writer.Close();
        writer.Line();
        writer.Open("private sealed class TopoDslScratch");
        foreach (var buffer in model.Plan.Buffers) writer.Line($"public readonly float[] {Field(buffer)};");
        foreach (var reduction in model.Plan.Reductions.Where(r => r.PerNeuron)) writer.Line($"public readonly double[] {Field(reduction)};");
        writer.Line();
        writer.Open("public TopoDslScratch(int rows, int cols, int count, int groups)");
        foreach (var buffer in model.Plan.Buffers) writer.Line($"{Field(buffer)} = new float[{PlanQueries.SizeOf(buffer.Shape)}];");
        foreach (var reduction in model.Plan.Reductions.Where(r => r.PerNeuron)) writer.Line($"{Field(reduction)} = new double[groups];");
        writer.Close();
        writer.Close();
    }
}
