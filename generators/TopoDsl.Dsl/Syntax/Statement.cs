namespace TopoDsl.Dsl.Syntax;

/// <summary>
/// One line: <c>state NAME = EXPR</c> (<see cref="DeclaresState"/>) or <c>NAME (=|+=|-=) EXPR</c>.
/// <see cref="Value"/> is null when the line's expression did not parse (the error is already reported),
/// so that the target still counts, e.g. as the rule's parameter update.
/// </summary>
public sealed record Statement(TextSpan Span, bool DeclaresState, string Target, TextSpan TargetSpan, AssignmentKind Kind, Expr? Value);
