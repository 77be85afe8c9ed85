using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Planning;

/// <summary>A scalar computed once per step (from hyperparameters, literals and t) or once per slot (from reductions).</summary>
public sealed record ScalarRef(TextSpan Span, int Id) : BoundExpr(Span);

/// <summary>A whole tensor materialised in a scratch buffer (a matrix result or a local read across passes), read at the current entry.</summary>
public sealed record BufferRef(TextSpan Span, int Id) : BoundExpr(Span);

/// <summary>A finished reduction: a scalar, or the current entry's neuron's value for a per-neuron reduction.</summary>
public sealed record ReductionRef(TextSpan Span, int Id, bool PerNeuron) : BoundExpr(Span);
