namespace TopoDsl.Dsl.Syntax;

public enum TokenKind
{
    Number, Identifier,
    Plus, Minus, Star, Slash, Caret, At,
    OpenParen, CloseParen, OpenBracket, CloseBracket, Comma,
    Less, LessEqual, Greater, GreaterEqual, EqualEqual, NotEqual,
    Assign, PlusAssign, MinusAssign,
    NewLine, End,
    /// <summary>A character or malformed number the lexer cannot read; the parser reports it.</summary>
    Bad,
}
