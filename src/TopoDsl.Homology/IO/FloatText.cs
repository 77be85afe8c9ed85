using System.Globalization;
using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Parses a float as <c>float.TryParse(text, NumberStyles.Float, InvariantCulture)</c> does, with a fast exact path
/// for the common short decimals: when the significant digits form an integer m &lt;= 2^24 and the decimal exponent e
/// has |e| &lt;= 10, both m and 10^|e| are exact floats, so one float multiplication or division is correctly rounded
/// (Clinger's fast path). Everything else goes to the framework parser.
/// </summary>
internal static class FloatText
{
    private const int MaxExactMantissa = 1 << 24;
    private const int MaxExactPowerOfTen = 10;

    private static readonly float[] PowersOfTen =
        [1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out float value) =>
        TryParseShortDecimal(text, out value) ||
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseShortDecimal(ReadOnlySpan<char> text, out float value)
    {
        value = 0;
        int k = 0;
        bool negative = false;
        if (k < text.Length && (text[k] == '-' || text[k] == '+')) negative = text[k++] == '-';

        long mantissa = 0;
        int exponent = 0, digits = 0;
        bool significant = false;
        for (; k < text.Length && char.IsAsciiDigit(text[k]); k++, digits++)
            if (!Accumulate(text[k], ref mantissa, ref significant)) return false;
        if (k < text.Length && text[k] == '.')
            for (k++; k < text.Length && char.IsAsciiDigit(text[k]); k++, digits++, exponent--)
                if (!Accumulate(text[k], ref mantissa, ref significant)) return false;
        if (digits == 0) return false;
        if (k < text.Length && (text[k] == 'e' || text[k] == 'E'))
        {
            if (!TryParseExponent(text[(k + 1)..], out int written)) return false;
            exponent += written;
            k = text.Length;
        }
        if (k != text.Length || Math.Abs(exponent) > MaxExactPowerOfTen) return false;

        float magnitude = exponent >= 0 ? mantissa * PowersOfTen[exponent] : mantissa / PowersOfTen[-exponent];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    /// <summary>Adds a digit; false once the mantissa would exceed 2^24 (leading zeros cost nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Accumulate(char digit, ref long mantissa, ref bool significant)
    {
        if (digit != '0') significant = true;
        if (!significant) return true;
        mantissa = mantissa * 10 + (digit - '0');
        return mantissa <= MaxExactMantissa;
    }

    private static bool TryParseExponent(ReadOnlySpan<char> text, out int exponent)
    {
        exponent = 0;
        int k = 0;
        bool negative = false;
        if (k < text.Length && (text[k] == '-' || text[k] == '+')) negative = text[k++] == '-';
        if (k == text.Length || text.Length - k > 3) return false;
        for (; k < text.Length; k++)
        {
            if (!char.IsAsciiDigit(text[k])) return false;
            exponent = exponent * 10 + (text[k] - '0');
        }
        if (negative) exponent = -exponent;
        return true;
    }
}
