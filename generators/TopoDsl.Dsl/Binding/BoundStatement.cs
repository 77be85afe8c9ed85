using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Binding;

public enum StatementTarget { Parameter, State, Local }

/// <summary>
/// One assignment with its full new value: <c>p -= e</c> is bound as <c>p = p - e</c> (the same float
/// operations in the same order). <see cref="Index"/> is the state slot or the local's number.
/// </summary>
public sealed record BoundStatement(TextSpan Span, StatementTarget Target, string Name, int Index, BoundExpr Value);

/// <summary><c>state NAME = EXPR</c>: the state's slot and its initial value (a constant).</summary>
public sealed record StateDeclaration(TextSpan Span, string Name, int Slot, BoundExpr Initial);
