using TopoDsl.Dsl.Analysis;
using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Planning;

namespace TopoDsl.Dsl.Emit;

/// <summary>
/// The per-slot kernel: binds the slot's spans, state buffers and scratch, resolves the matrix and neuron
/// geometry, then runs the plan's operations in order.
/// </summary>
internal sealed class KernelWriter(CodeWriter writer, RuleModel model, EmitTarget target)
{
    public const string MethodName = "TopoDslStepSlot";

    public void Write(IReadOnlyList<string> parameters)
    {
        var nodes = PlanQueries.KernelNodes(model).ToList();
        bool matrix = model.Traits.NeedsMatrixParameters;
        bool neurons = PlanQueries.UsesPerNeuronReductions(model);
        var scalar = ExpressionWriter.Scalar();

        bool split = PlanQueries.IsSplittable(model);
        string range = split ? ", int start, int end" : "";
        writer.Open($"private void {MethodName}({Names.Slot} slot{range}{string.Concat(parameters.Select(p => ", float " + p))})");
        writer.Line($"global::System.Span<float> {Names.ParameterSpan} = slot.Values;");
        if (PlanQueries.Reads(nodes, Builtin.Gradient)) writer.Line($"global::System.ReadOnlySpan<float> {Names.GradientSpan} = slot.Gradient;");
        foreach (var state in model.States)
            writer.Line($"float[] {Names.StateArray(state.Name)} = slot.State({CSharpLiterals.Int(state.Slot)}, {scalar.Write(state.Initial)});");
        writer.Line(split ? "int count = end;   // entries [start, end) of this slot" : $"int count = {Names.ParameterSpan}.Length;");
        if (matrix) WriteMatrixGeometry();
        if (neurons) WriteNeuronGeometry();
        if (PlanQueries.NeedsScratch(model)) WriteScratch(matrix, neurons);
        foreach (var op in model.Plan.Ops) WriteOp(op);
        writer.Close();
    }

    private void WriteMatrixGeometry()
    {
        writer.Line("global::System.ReadOnlySpan<int> shape = slot.Shape;");
        writer.Line("if (shape.Length != 2)");
        string message = $"$\"parameter '{{slot.Name}}' has {{shape.Length}} dimensions, but the update rule of {target.TypeName} uses matrix forms (@, transpose) and needs 2-D parameters\"";
        writer.Line($"    throw new global::System.InvalidOperationException({message});");
        writer.Line("int rows = shape[0];");
        writer.Line("int cols = shape[1];");
    }

    /// <summary>Neuron of entry i = (i / inner) % groups; a parameter without a neuron axis is one group.</summary>
    private void WriteNeuronGeometry()
    {
        writer.Line("int groups = 1;");
        writer.Line("int inner = count > 0 ? count : 1;");
        writer.Open("if (slot.Neurons is { } axis)");
        writer.Line("groups = axis.NeuronCount;");
        writer.Line("inner = 1;");
        writer.Line("for (int d = axis.Axis + 1; d < slot.Shape.Length; d++) inner *= slot.Shape[d];");
        writer.Close();
    }

    private void WriteScratch(bool matrix, bool neurons)
    {
        string rows = matrix ? "rows" : "0", cols = matrix ? "cols" : "0", groups = neurons ? "groups" : "1";
        writer.Line($"TopoDslScratch scratch = TopoDslScratchFor(slot, {rows}, {cols}, count, {groups});");
        foreach (var buffer in model.Plan.Buffers)
            writer.Line($"float[] {Names.Buffer(buffer.Id)} = scratch.{ScratchWriter.Field(buffer)};");
        foreach (var reduction in model.Plan.Reductions.Where(r => r.PerNeuron))
            writer.Line($"double[] {Names.NeuronAccumulator(reduction.Id)} = scratch.{ScratchWriter.Field(reduction)};");
    }

    private void WriteOp(KernelOp op)
    {
        var scalar = ExpressionWriter.Scalar();
        switch (op)
        {
            case ElementPass pass:
                new PassWriter(writer, model).Write(pass);
                break;
            case SlotScalarOp slotScalar:
                writer.Line($"float {Names.Scalar(slotScalar.Scalar.Id)} = {scalar.Write(slotScalar.Scalar.Value)};");
                break;
            case MatMulOp product:
                writer.Line($"TopoDslMatMul({Whole(product.Left)}, {Whole(product.Right)}, {Names.Buffer(product.Target)}, " +
                    $"{PlanQueries.Dimension(product.LeftShape.First)}, {PlanQueries.Dimension(product.LeftShape.Second)}, {PlanQueries.Dimension(product.RightShape.Second)});");
                break;
            case TransposeOp transpose:
                writer.Line($"TopoDslTranspose({Whole(transpose.Operand)}, {Names.Buffer(transpose.Target)}, " +
                    $"{PlanQueries.Dimension(transpose.OperandShape.First)}, {PlanQueries.Dimension(transpose.OperandShape.Second)});");
                break;
            case IslandOp island:
                WriteIsland(island.Shape, island.Value, value => $"{Names.Buffer(island.Target)}[i] = {value};");
                break;
            case IslandReductionOp reduction:
                var info = model.Plan.Reductions[reduction.Reduction];
                ReductionWriter.Declare(writer, info);
                WriteIsland(reduction.Shape, reduction.Operand, null, info);
                ReductionWriter.Finish(writer, info, "(" + PlanQueries.SizeOf(reduction.Shape) + ")");
                break;
        }
    }

    /// <summary>A loop over a whole buffer-shaped expression, storing or accumulating each entry.</summary>
    private void WriteIsland(Shape shape, BoundExpr value, Func<string, string>? store, ReductionInfo? reduction = null)
    {
        writer.Open($"for (int i = 0; i < {PlanQueries.SizeOf(shape)}; i++)");
        int draws = 0;
        var noise = NoiseWriter.DrawBefore(writer, [value], ref draws);
        string rendered = ExpressionWriter.Scalar(noise).Write(value);
        if (store is not null) writer.Line(store(rendered));
        else ReductionWriter.Accumulate(writer, reduction!, rendered);
        writer.Close();
    }

    /// <summary>A whole tensor as a span: p, g, a state or a buffer.</summary>
    private static string Whole(BoundExpr operand) => operand switch
    {
        BoundBuiltin { Kind: Builtin.Parameter } => Names.ParameterSpan,
        BoundBuiltin { Kind: Builtin.Gradient } => Names.GradientSpan,
        BoundState state => Names.StateArray(state.Name),
        BufferRef buffer => Names.Buffer(buffer.Id),
        _ => throw new InvalidOperationException("matrix operands are materialised by the planner"),
    };
}
