using System.Globalization;
using System.Text;

namespace TopoDsl.Text;

/// <summary>
/// Text from an input as it may appear in a one-line message. Characters a terminal would act on or cannot show
/// (control and format characters, line separators, unpaired surrogates, and U+FFFD, which stands for bytes that
/// are not UTF-8) become escapes such as <c>\x00</c> or <c>\uFFFD</c>: a binary file cannot garble the terminal
/// or split the message. One source for every assembly that quotes input: TopoDsl.Training and the CLI compile
/// this file in by link (neither depends on TopoDsl.Homology for it), so each has its own internal copy.
/// </summary>
internal static class PrintableText
{
    private const int LongestQuoted = 40;

    /// <summary>The text for a message, cut to its first characters, unprintable ones escaped.</summary>
    public static string Quote(ReadOnlySpan<char> text) =>
        text.Length <= LongestQuoted ? Escape(text) : string.Concat(Escape(text[..LongestQuoted]), "...");

    public static string Escape(ReadOnlySpan<char> text)
    {
        if (IndexOfUnprintable(text) < 0) return text.ToString();
        var escaped = new StringBuilder(text.Length + 16);
        for (int k = 0; k < text.Length; k++)
        {
            char c = text[k];
            if (IsSurrogatePair(text, k))
            {
                escaped.Append(c).Append(text[++k]);
                continue;
            }
            if (IsPrintable(c)) escaped.Append(c);
            else escaped.Append(EscapeOf(c));
        }
        return escaped.ToString();
    }

    /// <summary>
    /// True when the text holds a NUL or bytes that are not UTF-8: the marks of a binary file read as text, as
    /// opposed to a stray control character in a text file.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<char> text) => text.IndexOfAny('\0', '\uFFFD') >= 0;

    private static int IndexOfUnprintable(ReadOnlySpan<char> text)
    {
        for (int k = 0; k < text.Length; k++)
        {
            if (IsSurrogatePair(text, k)) k++;
            else if (!IsPrintable(text[k])) return k;
        }
        return -1;
    }

    private static bool IsSurrogatePair(ReadOnlySpan<char> text, int k) =>
        char.IsHighSurrogate(text[k]) && k + 1 < text.Length && char.IsLowSurrogate(text[k + 1]);

    private static bool IsPrintable(char c) => c != '\uFFFD' && char.GetUnicodeCategory(c) is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    private static string EscapeOf(char c) => c switch
    {
        '\t' => @"\t",
        '\n' => @"\n",
        '\r' => @"\r",
        <= '\u00FF' => $@"\x{(int)c:X2}",
        _ => $@"\u{(int)c:X4}",
    };
}
