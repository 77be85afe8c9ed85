using TopoDsl.Dsl.Analysis;
using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Planning;

namespace TopoDsl.Dsl.Emit;

/// <summary>Questions the writers ask about a plan: which expressions it holds and what they read.</summary>
internal static class PlanQueries
{
    public static IEnumerable<BoundExpr> Expressions(PassStep step) => step switch
    {
        DefineLocalStep local => [local.Value],
        AssignStateStep state => [state.Value],
        UpdateParameterStep update => [update.Value],
        AccumulateStep accumulate => [accumulate.Operand],
        StoreStep store => [store.Value],
        _ => [],
    };

    public static IEnumerable<BoundExpr> Expressions(KernelOp op) => op switch
    {
        ElementPass pass => pass.Steps.SelectMany(Expressions),
        SlotScalarOp scalar => [scalar.Scalar.Value],
        MatMulOp product => [product.Left, product.Right],
        TransposeOp transpose => [transpose.Operand],
        IslandOp island => [island.Value],
        IslandReductionOp reduction => [reduction.Operand],
        _ => [],
    };

    /// <summary>Every node of every expression the kernel and the Step method evaluate.</summary>
    public static IEnumerable<BoundExpr> AllNodes(RuleModel model) =>
        model.Plan.StepScalars.Select(s => s.Value)
            .Concat(model.States.Select(s => s.Initial))
            .Concat(model.Plan.Ops.SelectMany(Expressions))
            .SelectMany(Tree.PreOrder);

    public static IEnumerable<BoundExpr> KernelNodes(RuleModel model) =>
        model.States.Select(s => s.Initial).Concat(model.Plan.Ops.SelectMany(Expressions)).SelectMany(Tree.PreOrder);

    public static bool Reads(IEnumerable<BoundExpr> nodes, Builtin builtin) => nodes.Any(n => n is BoundBuiltin b && b.Kind == builtin);

    public static bool UsesFunction(RuleModel model, params Function[] functions) =>
        AllNodes(model).Any(n => n is BoundCall call && functions.Contains(call.Function));

    public static bool UsesPerNeuronReductions(RuleModel model) => model.Plan.Reductions.Any(r => r.PerNeuron);

    public static bool NeedsScratch(RuleModel model) => model.Plan.Buffers.Count > 0 || UsesPerNeuronReductions(model);

    /// <summary>The number of entries of a buffer of <paramref name="shape"/>, in the kernel's variables.</summary>
    public static string SizeOf(Shape shape)
    {
        if (shape.IsParameterShaped || shape == Shape.Parameter.Transposed()) return "count";
        return $"{Dimension(shape.First)} * {Dimension(shape.Second)}";
    }

    public static string Dimension(Axis axis) => axis == Axis.Row ? "rows" : "cols";

    /// <summary>
    /// True when every entry's update reads only that entry (one pass, no reduction, no matrix form, no noise, no
    /// scratch): then a slot can be cut into ranges that threads update independently, with results identical
    /// to one thread's.
    /// </summary>
    public static bool IsSplittable(RuleModel model) =>
        model.Plan.Reductions.Count == 0 && !model.Traits.NeedsMatrixParameters && !NeedsScratch(model)
        && !UsesFunction(model, Function.Randn, Function.Rand)
        && model.Plan.Ops.All(op => op is Planning.ElementPass or Planning.SlotScalarOp);
}
