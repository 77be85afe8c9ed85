using System.Globalization;

namespace TopoDsl.Dsl.Syntax;

/// <summary>Splits rule text into tokens. Comments (# to the end of the line) and blanks vanish; line ends are tokens.</summary>
internal static class Lexer
{
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n') { tokens.Add(new Token(TokenKind.NewLine, new TextSpan(i, 1), "\n")); i++; }
            else if (char.IsWhiteSpace(c)) i++;
            else if (c == '#') { while (i < text.Length && text[i] != '\n') i++; }
            else if (IsDigit(c) || (c == '.' && i + 1 < text.Length && IsDigit(text[i + 1]))) tokens.Add(ReadNumber(text, ref i));
            else if (IsIdentifierStart(c)) tokens.Add(ReadIdentifier(text, ref i));
            else tokens.Add(ReadOperator(text, ref i));
        }
        tokens.Add(new Token(TokenKind.End, new TextSpan(text.Length, 0), ""));
        return tokens;
    }

    private static Token ReadNumber(string text, ref int i)
    {
        int start = i;
        SkipDigits(text, ref i);
        if (i < text.Length && text[i] == '.') { i++; SkipDigits(text, ref i); }
        bool malformed = false;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) i++;
            int digits = i;
            SkipDigits(text, ref i);
            malformed = i == digits;
        }
        var span = TextSpan.FromBounds(start, i);
        string literal = text.Substring(start, i - start);
        if (malformed || !double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            return new Token(TokenKind.Bad, span, literal);
        return new Token(TokenKind.Number, span, literal, value);
    }

    private static Token ReadIdentifier(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && (IsIdentifierStart(text[i]) || IsDigit(text[i]))) i++;
        return new Token(TokenKind.Identifier, TextSpan.FromBounds(start, i), text.Substring(start, i - start));
    }

    private static Token ReadOperator(string text, ref int i)
    {
        char next = i + 1 < text.Length ? text[i + 1] : '\0';
        (TokenKind kind, int length) = (text[i], next) switch
        {
            ('*', '*') => (TokenKind.Caret, 2), // Python's power operator, for users who reach for it
            ('<', '=') => (TokenKind.LessEqual, 2),
            ('>', '=') => (TokenKind.GreaterEqual, 2),
            ('=', '=') => (TokenKind.EqualEqual, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('+', '=') => (TokenKind.PlusAssign, 2),
            ('-', '=') => (TokenKind.MinusAssign, 2),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('^', _) => (TokenKind.Caret, 1),
            ('@', _) => (TokenKind.At, 1),
            ('(', _) => (TokenKind.OpenParen, 1),
            (')', _) => (TokenKind.CloseParen, 1),
            ('[', _) => (TokenKind.OpenBracket, 1),
            (']', _) => (TokenKind.CloseBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('=', _) => (TokenKind.Assign, 1),
            _ => (TokenKind.Bad, char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(next) ? 2 : 1),
        };
        var token = new Token(kind, new TextSpan(i, length), text.Substring(i, length));
        i += length;
        return token;
    }

    private static void SkipDigits(string text, ref int i)
    {
        while (i < text.Length && IsDigit(text[i])) i++;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
