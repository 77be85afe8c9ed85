using TopoDsl.Dsl.Analysis;
using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Planning;

/// <summary>One step of the per-slot kernel.</summary>
public abstract record KernelOp;

/// <summary>
/// One loop over the parameter's entries doing <paramref name="Steps"/> per entry; the reductions it accumulates
/// are finished right after the loop. <paramref name="Vectorizable"/>: every operation has a Vector&lt;float&gt; form.
/// </summary>
public sealed record ElementPass(int Id, EquatableArray<PassStep> Steps, bool Vectorizable) : KernelOp;

/// <summary>A scalar that depends on finished reductions (computed between passes).</summary>
public sealed record SlotScalarOp(ScalarDefinition Scalar) : KernelOp;

/// <summary>Target = Left @ Right; operands are p, g, a state or a buffer.</summary>
public sealed record MatMulOp(int Target, BoundExpr Left, BoundExpr Right, Shape LeftShape, Shape RightShape) : KernelOp;

public sealed record TransposeOp(int Target, BoundExpr Operand, Shape OperandShape) : KernelOp;

/// <summary>An entry-by-entry expression over buffers of a shape other than the parameter's (e.g. (R, R) products).</summary>
public sealed record IslandOp(int Target, BoundExpr Value, Shape Shape) : KernelOp;

public sealed record IslandReductionOp(int Reduction, BoundExpr Operand, Shape Shape) : KernelOp;
