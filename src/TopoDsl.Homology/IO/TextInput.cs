using System.Globalization;
using System.Runtime.CompilerServices;
using TopoDsl.Text;

namespace TopoDsl.Homology.IO;

/// <summary>
/// The data lines of a text input and the checks shared by every format. Blank lines and lines whose first
/// non-blank character is <c>#</c> are skipped; every error names the source and the 1-based line.
/// </summary>
internal sealed class TextInput
{
    private readonly LineScanner _lines;

    public TextInput(TextReader reader, string source)
    {
        _lines = new LineScanner(reader);
        Source = source;
    }

    public string Source { get; }

    /// <summary>The 1-based number of the line last returned.</summary>
    public int Line => _lines.LineNumber;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadDataLine(out ReadOnlySpan<char> line)
    {
        while (_lines.TryReadLine(out line))
        {
            var content = line.TrimStart();
            if (content.IsEmpty || content[0] == '#') continue;
            return true;
        }
        return false;
    }

    public InputFormatException Error(string problem) => new(Source, Line, problem);

    public InputFormatException ErrorAt(int line, string problem) => new(Source, line, problem);

    public InputFormatException NoData() =>
        new(Source, null, "no data: the input is empty or has only blank and comment lines");

    /// <summary>A finite float (invariant culture).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float ParseValue(ReadOnlySpan<char> token)
    {
        if (!FloatText.TryParse(token, out float value))
            throw Error($"expected a number, found {Quoted(token)}");
        if (float.IsNaN(value))
            throw Error($"'{Quote(token)}' is not a number (NaN); values must be finite");
        if (float.IsInfinity(value))
            throw Error($"'{Quote(token)}' is infinite or beyond the float range; values must be finite");
        return value;
    }

    /// <summary>The error for a negative distance; <paramref name="what"/> names the entry (built only on failure).</summary>
    public InputFormatException NegativeDistance(ReadOnlySpan<char> token, string what) =>
        Error($"{what} is negative ({Quote(token)}); distances must be non-negative");

    /// <summary>A vertex index: a non-negative integer below int.MaxValue.</summary>
    public int ParseVertexIndex(ReadOnlySpan<char> token)
    {
        bool parsed = int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int index);
        if (parsed && index >= 0 && index < int.MaxValue) return index;
        bool negative = token.StartsWith("-");
        var digits = negative || token.StartsWith("+") ? token[1..] : token;
        bool isInteger = digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
        if (!isInteger) throw Error($"expected a vertex index (a non-negative integer), found {Quoted(token)}");
        if (negative) throw Error($"negative vertex index {Quote(token)}; vertices are numbered from 0");
        throw Error($"vertex index {Quote(token)} is too large");
    }

    /// <summary>The token for a message, cut to its first characters, unprintable ones escaped (<see cref="PrintableText"/>).</summary>
    public static string Quote(ReadOnlySpan<char> token) => PrintableText.Quote(token);

    /// <summary>The token quoted, and called binary data when it looks like it: a reader of text was given a binary file.</summary>
    public static string Quoted(ReadOnlySpan<char> token) =>
        PrintableText.LooksBinary(token) ? $"binary data '{Quote(token)}' (is this a text file?)" : $"'{Quote(token)}'";
}
