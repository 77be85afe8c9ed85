namespace TopoDsl.Dsl.Syntax;

/// <summary>A token; <see cref="Value"/> is the number of a <see cref="TokenKind.Number"/>.</summary>
public readonly record struct Token(TokenKind Kind, TextSpan Span, string Text, double Value = 0)
{
    public bool EndsLine => Kind is TokenKind.NewLine or TokenKind.End;
}
