namespace TopoDsl.Dsl.Syntax;

/// <summary>An expression as written. A parenthesised expression keeps its node, its span widened to the parentheses.</summary>
public abstract record Expr(TextSpan Span);

public sealed record NumberExpr(TextSpan Span, double Value) : Expr(Span);

public sealed record NameExpr(TextSpan Span, string Name) : Expr(Span);

/// <summary>Unary minus (a unary plus leaves its operand unchanged).</summary>
public sealed record NegateExpr(TextSpan Span, Expr Operand) : Expr(Span);

public sealed record BinaryExpr(TextSpan Span, BinaryOperator Operator, Expr Left, Expr Right) : Expr(Span);

public sealed record CompareExpr(TextSpan Span, CompareOperator Operator, Expr Left, Expr Right) : Expr(Span);

public sealed record CallExpr(TextSpan Span, string Name, TextSpan NameSpan, EquatableArray<Expr> Arguments) : Expr(Span);

public sealed record SubscriptExpr(TextSpan Span, Expr Target, Expr Index) : Expr(Span);
