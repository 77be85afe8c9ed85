using System.Globalization;
using TopoDsl.Text;

namespace TopoDsl.Training.Data;

/// <summary>Parses one CSV field as a finite float, or explains (without file and line) why it is not one.</summary>
internal static class CsvNumber
{
    public static bool IsNumber(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || IsNonFiniteWord(field);

    public static float Parse(string field, int column, out string? problem)
    {
        problem = null;
        if (field.Length == 0)
        {
            problem = $"empty field in column {column + 1}";
            return 0;
        }
        if (IsNonFiniteWord(field) || (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsFinite(value)))
        {
            problem = $"'{PrintableText.Quote(field)}' in column {column + 1} is not a finite number";
            return 0;
        }
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            problem = $"text '{PrintableText.Quote(field)}' where a number belongs (column {column + 1})";
            return 0;
        }
        if (Math.Abs(value) > float.MaxValue)
        {
            problem = $"{PrintableText.Quote(field)} in column {column + 1} is beyond the float range";
            return 0;
        }
        return (float)value;
    }

    // Spellings that other tools write for NaN and infinities; .NET does not parse all of them.
    private static bool IsNonFiniteWord(string field) =>
        field.TrimStart('+', '-').ToLowerInvariant() is "nan" or "inf" or "infinity" or "∞";
}
