using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Planning;

/// <summary>What an element pass does for one entry, in order.</summary>
public abstract record PassStep;

/// <summary>A local's value; when <paramref name="Buffer"/> is set it is also stored for later passes or matrix forms.</summary>
public sealed record DefineLocalStep(int Local, string Name, BoundExpr Value, int? Buffer) : PassStep;

public sealed record AssignStateStep(int Slot, string Name, BoundExpr Value) : PassStep;

public sealed record UpdateParameterStep(BoundExpr Value) : PassStep;

/// <summary>Adds the entry's operand to a reduction (after the statements of the pass, with their values).</summary>
public sealed record AccumulateStep(int Reduction, BoundExpr Operand) : PassStep;

/// <summary>Stores an entry of a tensor that a matrix form needs whole.</summary>
public sealed record StoreStep(int Buffer, BoundExpr Value) : PassStep;
