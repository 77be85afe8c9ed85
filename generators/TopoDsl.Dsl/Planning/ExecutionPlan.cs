using TopoDsl.Dsl.Analysis;
using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Planning;

/// <summary>
/// How the emitted kernel evaluates the rule. <see cref="StepScalars"/> are evaluated once per Step, in order;
/// <see cref="Ops"/> run once per parameter slot, in order. Every expression is the rule's own, with barriers
/// (reductions, matrix forms, locals read across passes) replaced by references, so float results equal an
/// entry-by-entry evaluation of the rule as written.
/// </summary>
public sealed record ExecutionPlan(
    EquatableArray<ScalarDefinition> StepScalars,
    EquatableArray<BufferInfo> Buffers,
    EquatableArray<ReductionInfo> Reductions,
    EquatableArray<KernelOp> Ops)
{
    public int Passes => Ops.Count(op => op is ElementPass);
}

public sealed record ScalarDefinition(int Id, BoundExpr Value);

/// <summary>A float scratch buffer with one entry per element of <paramref name="Shape"/> (resolved from the slot's shape at run time).</summary>
public sealed record BufferInfo(int Id, Shape Shape);

public sealed record ReductionInfo(int Id, ReductionKind Kind, bool PerNeuron);
