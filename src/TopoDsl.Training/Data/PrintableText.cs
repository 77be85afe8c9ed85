using System.Globalization;
using System.Text;

namespace TopoDsl.Training.Data;

/// <summary>
/// Text from a file as it may appear in a one-line message: characters a terminal would act on or cannot show
/// (control and format characters, unpaired surrogates, U+FFFD for bytes that are not UTF-8) become escapes
/// such as <c>\x00</c>, and a long field is cut. The same rule as TopoDsl.Homology's readers follow; this
/// assembly does not depend on that one.
/// </summary>
internal static class PrintableText
{
    private const int LongestQuoted = 40;

    /// <summary>The text cut to its first characters, unprintable ones escaped.</summary>
    public static string Quote(string text)
    {
        var shown = text.Length <= LongestQuoted ? text : text[..LongestQuoted];
        var escaped = new StringBuilder(shown.Length + 8);
        for (int k = 0; k < shown.Length; k++)
        {
            char c = shown[k];
            if (char.IsHighSurrogate(c) && k + 1 < shown.Length && char.IsLowSurrogate(shown[k + 1])) escaped.Append(c).Append(shown[++k]);
            else if (IsPrintable(c)) escaped.Append(c);
            else escaped.Append(c <= '\u00FF' ? $@"\x{(int)c:X2}" : $@"\u{(int)c:X4}");
        }
        if (shown.Length < text.Length) escaped.Append("...");
        return escaped.ToString();
    }

    private static bool IsPrintable(char c) => c != '\uFFFD' && char.GetUnicodeCategory(c) is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
}
