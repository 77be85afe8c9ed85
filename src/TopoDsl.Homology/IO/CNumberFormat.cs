using System.Numerics;
using System.Text;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Formats numbers exactly as C's <c>printf("%.Pg")</c> and C++ iostreams (default precision 6) do: the exact binary
/// value rounded half-to-even to P significant digits; fixed notation when the decimal exponent X satisfies
/// -4 &lt;= X &lt; P, otherwise <c>d.ddde±XX</c>; trailing zeros and a trailing point removed.
/// Examples: 1.73205, 0.0142857, 1e-05, 2, 1.23456e+06, inf, -0.
/// </summary>
public static class CNumberFormat
{
    private static readonly UInt128[] PowersOfFive = CreatePowersOfFive();

    /// <summary>The text of <c>printf("%.{significantDigits}g", value)</c>.</summary>
    public static string General(double value, int significantDigits = 6)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(significantDigits);
        int precision = Math.Max(significantDigits, 1);
        string sign = double.IsNegative(value) ? "-" : "";
        if (double.IsNaN(value)) return sign + "nan";
        if (double.IsInfinity(value)) return sign + "inf";
        if (value == 0) return sign + "0";

        var (digits, exponent) = RoundedDigits(Math.Abs(value), precision);
        var text = new StringBuilder(sign, 16);
        if (exponent < -4 || exponent >= precision) AppendScientific(text, digits, exponent);
        else AppendFixed(text, digits, exponent);
        return text.ToString();
    }

    /// <summary>Shorthand for C++'s <c>std::cout &lt;&lt; value</c> of a float.</summary>
    public static string General(float value) => General((double)value);

    private static void AppendFixed(StringBuilder text, string digits, int exponent)
    {
        string fraction;
        if (exponent >= 0)
        {
            text.Append(digits, 0, exponent + 1);
            fraction = digits[(exponent + 1)..];
        }
        else
        {
            text.Append('0');
            fraction = new string('0', -exponent - 1) + digits;
        }
        fraction = fraction.TrimEnd('0');
        if (fraction.Length > 0) text.Append('.').Append(fraction);
    }

    private static void AppendScientific(StringBuilder text, string digits, int exponent)
    {
        text.Append(digits[0]);
        string fraction = digits[1..].TrimEnd('0');
        if (fraction.Length > 0) text.Append('.').Append(fraction);
        text.Append('e').Append(exponent < 0 ? '-' : '+');
        text.Append(Math.Abs(exponent).ToString("00", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The first <paramref name="precision"/> significant digits of the exact value, rounded half to even,
    /// and the decimal exponent of the first digit.
    /// </summary>
    private static (string Digits, int Exponent) RoundedDigits(double positive, int precision)
    {
        var (exact, scale) = ExactDecimal(positive);
        int exponent = exact.Length - 1 + scale;
        if (exact.Length <= precision) return (exact.PadRight(precision, '0'), exponent);

        string kept = exact[..precision];
        if (!RoundsUp(exact, precision)) return (kept, exponent);
        string incremented = Increment(kept);
        return incremented.Length > precision ? (incremented[..precision], exponent + 1) : (incremented, exponent);
    }

    private static bool RoundsUp(string exact, int precision)
    {
        char first = exact[precision];
        if (first != '5') return first > '5';
        for (int k = precision + 1; k < exact.Length; k++)
            if (exact[k] != '0') return true;
        return (exact[precision - 1] - '0') % 2 == 1;
    }

    private static string Increment(string digits)
    {
        var chars = digits.ToCharArray();
        for (int k = chars.Length - 1; k >= 0; k--)
        {
            if (chars[k] != '9')
            {
                chars[k]++;
                return new string(chars);
            }
            chars[k] = '0';
        }
        return "1" + new string(chars);
    }

    /// <summary>The exact value as digits × 10^scale (digits without leading zeros).</summary>
    private static (string Digits, int Scale) ExactDecimal(double positive)
    {
        long bits = BitConverter.DoubleToInt64Bits(positive);
        int biasedExponent = (int)((bits >> 52) & 0x7FF);
        ulong mantissa = (ulong)bits & 0xF_FFFF_FFFF_FFFFUL;
        int binaryExponent;
        if (biasedExponent == 0) binaryExponent = -1074;
        else
        {
            mantissa |= 1UL << 52;
            binaryExponent = biasedExponent - 1075;
        }
        int trailingZeros = BitOperations.TrailingZeroCount(mantissa);
        mantissa >>= trailingZeros;
        binaryExponent += trailingZeros;

        if (binaryExponent >= 0) return ((new BigInteger(mantissa) << binaryExponent).ToString(), 0);
        int fives = -binaryExponent; // m / 2^k = m * 5^k / 10^k
        if (fives < PowersOfFive.Length && FitsInUInt128(mantissa, PowersOfFive[fives]))
            return ((mantissa * PowersOfFive[fives]).ToString(), binaryExponent);
        return ((mantissa * BigInteger.Pow(5, fives)).ToString(), binaryExponent);
    }

    private static bool FitsInUInt128(ulong mantissa, UInt128 power) =>
        64 - BitOperations.LeadingZeroCount(mantissa) + (128 - (int)UInt128.LeadingZeroCount(power)) <= 128;

    private static UInt128[] CreatePowersOfFive()
    {
        var powers = new List<UInt128> { 1 };
        while (powers[^1] <= UInt128.MaxValue / 5) powers.Add(powers[^1] * 5);
        return powers.ToArray();
    }
}
