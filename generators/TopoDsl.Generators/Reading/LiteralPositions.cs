using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace TopoDsl.Generators.Reading;

/// <summary>
/// Where each character of a string literal's value sits in the source, so that a DSL span becomes a span
/// inside the literal. Raw string literals (the documented form) drop the closing line's indentation from every
/// line; regular literals turn escapes into one character; verbatim literals turn "" into one quote.
/// </summary>
internal sealed class LiteralPositions
{
    private readonly int[] _positions;
    private readonly TextSpan _literal;

    private LiteralPositions(int[] positions, TextSpan literal)
    {
        _positions = positions;
        _literal = literal;
    }

    /// <summary>Null when the expression is not a literal whose value is <paramref name="value"/> (e.g. a const field).</summary>
    public static LiteralPositions? Of(SyntaxNode expression, string value)
    {
        if (expression is not Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax { Token: var token }) return null;
        var offsets = token.Kind() switch
        {
            SyntaxKind.SingleLineRawStringLiteralToken => SingleLineRaw(token.Text),
            SyntaxKind.MultiLineRawStringLiteralToken => MultiLineRaw(token.Text),
            SyntaxKind.StringLiteralToken when token.Text.StartsWith("@", StringComparison.Ordinal) => Verbatim(token.Text),
            SyntaxKind.StringLiteralToken => Regular(token.Text),
            _ => null,
        };
        if (offsets is null || offsets.Count != value.Length) return null;
        return new LiteralPositions(offsets.Select(o => token.SpanStart + o).ToArray(), token.Span);
    }

    /// <summary>The source span of value characters [start, start + length); an empty span at the right place when length is 0.</summary>
    public TextSpan Map(int start, int length)
    {
        if (_positions.Length == 0) return _literal;
        int first = start < _positions.Length ? _positions[Math.Max(0, start)] : _positions[_positions.Length - 1] + 1;
        if (length <= 0) return new TextSpan(first, 0);
        int lastIndex = Math.Min(start + length - 1, _positions.Length - 1);
        int end = _positions[lastIndex] + 1;
        return TextSpan.FromBounds(first, Math.Max(first, end));
    }

    private static List<int>? SingleLineRaw(string text)
    {
        int quotes = LeadingQuotes(text, 0);
        var offsets = new List<int>();
        for (int i = quotes; i < text.Length - quotes; i++) offsets.Add(i);
        return offsets;
    }

    private static List<int>? MultiLineRaw(string text)
    {
        int quotes = LeadingQuotes(text, 0);
        int closingLineStart = text.LastIndexOf('\n') + 1;
        int indentation = text.Length - quotes - closingLineStart;
        int firstContentLine = text.IndexOf('\n') + 1;
        if (firstContentLine <= 0 || closingLineStart <= firstContentLine) return firstContentLine > 0 ? [] : null;

        var offsets = new List<int>();
        int lineStart = firstContentLine;
        while (lineStart < closingLineStart)
        {
            int lineEnd = text.IndexOf('\n', lineStart);          // the line's \n (the closing line follows the last one)
            int contentEnd = lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            for (int i = Math.Min(lineStart + indentation, contentEnd); i < contentEnd; i++) offsets.Add(i);
            bool last = lineEnd + 1 >= closingLineStart;
            if (!last) for (int i = contentEnd; i <= lineEnd; i++) offsets.Add(i);   // the line break belongs to the value
            lineStart = lineEnd + 1;
        }
        return offsets;
    }

    private static List<int>? Verbatim(string text)
    {
        var offsets = new List<int>();
        for (int i = 2; i < text.Length - 1; i++)
        {
            offsets.Add(i);
            if (text[i] == '"') i++;
        }
        return offsets;
    }

    private static List<int>? Regular(string text)
    {
        var offsets = new List<int>();
        for (int i = 1; i < text.Length - 1; i++)
        {
            offsets.Add(i);
            if (text[i] != '\\') continue;
            char kind = i + 1 < text.Length ? text[i + 1] : ' ';
            switch (kind)
            {
                case 'u': i += 5; break;
                case 'U':
                    i += 9;
                    // a code point past U+FFFF is two UTF-16 characters; \U0000XXXX is one
                    if (i < text.Length && uint.TryParse(text.Substring(i - 7, 8), System.Globalization.NumberStyles.AllowHexSpecifier,
                            System.Globalization.CultureInfo.InvariantCulture, out uint codePoint) && codePoint > 0xFFFF)
                        offsets.Add(i - 9);
                    break;
                case 'x':
                    int digits = 0;
                    while (digits < 4 && i + 2 + digits < text.Length - 1 && Uri.IsHexDigit(text[i + 2 + digits])) digits++;
                    i += 1 + digits;
                    break;
                default: i += 1; break;
            }
        }
        return offsets;
    }

    private static int LeadingQuotes(string text, int from)
    {
        int n = 0;
        while (from + n < text.Length && text[from + n] == '"') n++;
        return n;
    }
}
