using System.Globalization;
using System.Text;

namespace TopoDsl.Dsl.Emit;

/// <summary>C# spellings of numbers, strings and identifiers, culture-invariant so the output is byte-for-byte stable.</summary>
internal static class CSharpLiterals
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>The float nearest to <paramref name="value"/>, as the shortest literal that round-trips.</summary>
    public static string Float(double value)
    {
        float f = (float)value;
        if (float.IsPositiveInfinity(f)) return "global::System.Single.PositiveInfinity";
        if (float.IsNegativeInfinity(f)) return "global::System.Single.NegativeInfinity";
        if (float.IsNaN(f)) return "global::System.Single.NaN";
        return f.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    /// <summary><paramref name="value"/> as a double literal that round-trips.</summary>
    public static string Double(double value)
    {
        if (double.IsPositiveInfinity(value)) return "global::System.Double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "global::System.Double.NegativeInfinity";
        if (double.IsNaN(value)) return "global::System.Double.NaN";
        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A member name as C# needs it after <c>this.</c>: keywords get the @ prefix.</summary>
    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

    public static string String(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u0085' || char.IsSurrogate(c))
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
