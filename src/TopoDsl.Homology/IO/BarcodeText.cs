using System.Globalization;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.IO;

/// <summary>Reads barcodes back from ripser's standard output and from GUDHI-style <c>dim birth death</c> lines.</summary>
public static class BarcodeText
{
    private const string IntervalsHeading = "persistence intervals in dim ";

    /// <summary>
    /// Ripser's stdout: lines before the first <c>persistence intervals in dim k:</c> are its header and are skipped;
    /// then bars <c> [b,d)</c> / <c> [b, )</c> (an optional cocycle suffix <c>:  {...}</c> is ignored). Every dimension
    /// with a heading is present in the barcode, even with no bars.
    /// </summary>
    /// <exception cref="InputFormatException">A line after the first heading is neither a heading nor a bar.</exception>
    public static Barcode ParseRipserOutput(string text, string source = "<ripser output>") =>
        ToBarcode(ReadRipserBars(text, source, cocycles: null), minimumMaxDimension: -1);

    /// <summary>The cocycles written by <see cref="RipserTextWriter"/> with cocycles, one per annotated bar.</summary>
    public static IReadOnlyList<Cocycle> ParseRipserCocycles(string text, string source = "<ripser output>")
    {
        var cocycles = new List<Cocycle>();
        ReadRipserBars(text, source, cocycles);
        return cocycles;
    }

    /// <summary>
    /// Lines <c>dim birth death</c> separated by whitespace or commas, death <c>inf</c> (or <c>infinity</c>) for an
    /// essential class; blank and <c>#</c> lines skipped. The barcode has dimensions 0..max(largest dim seen,
    /// <paramref name="maxDimension"/>).
    /// </summary>
    /// <exception cref="InputFormatException">A line is malformed.</exception>
    public static Barcode ParseGudhiLines(string text, int maxDimension = -1, string source = "<barcode lines>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var input = new TextInput(new StringReader(text), source);
        var bars = new List<List<PersistenceInterval>>();
        while (input.TryReadDataLine(out var line))
        {
            var tokens = new Tokens(line);
            var fields = new string[3];
            int count = 0;
            while (tokens.TryNext(out var token))
            {
                if (count < 3) fields[count] = token.ToString();
                count++;
            }
            if (count != 3) throw input.Error($"expected 3 fields 'dim birth death', found {count}");
            if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int dimension))
                throw input.Error($"expected a dimension (a non-negative integer), found '{TextInput.Quote(fields[0])}'");
            Add(bars, dimension, new PersistenceInterval(ParseNumber(input, fields[1]), ParseNumber(input, fields[2])));
        }
        return ToBarcode(bars, maxDimension);
    }

    private static List<List<PersistenceInterval>> ReadRipserBars(string text, string source, List<Cocycle>? cocycles)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new LineScanner(new StringReader(text));
        var bars = new List<List<PersistenceInterval>>();
        int dimension = -1;
        while (lines.TryReadLine(out var line))
        {
            if (line.StartsWith(IntervalsHeading))
            {
                dimension = ParseHeading(line, source, lines.LineNumber);
                while (bars.Count <= dimension) bars.Add([]);
                continue;
            }
            if (dimension < 0 || line.IsWhiteSpace()) continue;
            var bar = ParseBar(line, source, lines.LineNumber, out var suffix);
            bars[dimension].Add(bar);
            if (cocycles is not null && !suffix.IsEmpty)
                cocycles.Add(new Cocycle(dimension, bar, ParseCocycleEntries(suffix, source, lines.LineNumber)));
        }
        return bars;
    }

    private static int ParseHeading(ReadOnlySpan<char> line, string source, int lineNumber)
    {
        var rest = line[IntervalsHeading.Length..].TrimEnd();
        if (rest.EndsWith(":") &&
            int.TryParse(rest[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int dimension))
            return dimension;
        throw new InputFormatException(source, lineNumber, $"malformed heading '{TextInput.Quote(line)}'");
    }

    /// <summary><c> [b,d)</c> or <c> [b, )</c>, and what follows the closing parenthesis.</summary>
    private static PersistenceInterval ParseBar(ReadOnlySpan<char> line, string source, int lineNumber,
        out ReadOnlySpan<char> suffix)
    {
        var trimmed = line.TrimStart();
        int comma = trimmed.IndexOf(',');
        int close = trimmed.IndexOf(')');
        if (!trimmed.StartsWith("[") || comma < 0 || close < comma)
            throw new InputFormatException(source, lineNumber,
                $"expected a bar ' [birth,death)' or ' [birth, )', found '{TextInput.Quote(line)}'");
        var birth = ParseNumber(source, lineNumber, trimmed[1..comma]);
        var deathText = trimmed[(comma + 1)..close].Trim();
        var death = deathText.IsEmpty ? double.PositiveInfinity : ParseNumber(source, lineNumber, deathText);
        suffix = trimmed[(close + 1)..];
        return new PersistenceInterval(birth, death);
    }

    /// <summary><c>:  {[i,j]:c, [k,l]:c}</c> (the separator after each entry may be "," or ", ").</summary>
    private static List<CocycleEntry> ParseCocycleEntries(ReadOnlySpan<char> suffix, string source, int lineNumber)
    {
        var body = suffix.Trim();
        if (!body.StartsWith(":") || !body[1..].TrimStart().StartsWith("{") || !body.EndsWith("}"))
            throw new InputFormatException(source, lineNumber, $"malformed cocycle '{TextInput.Quote(suffix)}'");
        body = body[1..].TrimStart()[1..^1];
        var entries = new List<CocycleEntry>();
        while (!body.Trim().IsEmpty)
        {
            body = body.TrimStart();
            int close = body.IndexOf(']');
            int colon = close < 0 ? -1 : body[close..].IndexOf(':') + close;
            if (!body.StartsWith("[") || close < 0 || colon < close)
                throw new InputFormatException(source, lineNumber, $"malformed cocycle entry '{TextInput.Quote(body)}'");
            int end = body[colon..].IndexOf(',');
            end = end < 0 ? body.Length : end + colon;
            entries.Add(new CocycleEntry(ParseVertices(body[1..close], source, lineNumber),
                ParseInteger(body[(colon + 1)..end].Trim(), source, lineNumber)));
            body = end < body.Length ? body[(end + 1)..] : [];
        }
        return entries;
    }

    private static int[] ParseVertices(ReadOnlySpan<char> list, string source, int lineNumber)
    {
        var vertices = new List<int>();
        foreach (var range in list.Split(','))
            vertices.Add(ParseInteger(list[range].Trim(), source, lineNumber));
        return vertices.ToArray();
    }

    private static int ParseInteger(ReadOnlySpan<char> text, string source, int lineNumber) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InputFormatException(source, lineNumber, $"expected an integer, found '{TextInput.Quote(text)}'");

    private static double ParseNumber(TextInput input, string text) => ParseNumber(input.Source, input.Line, text);

    private static double ParseNumber(string source, int lineNumber, ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("inf", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("+inf", StringComparison.OrdinalIgnoreCase))
            return double.PositiveInfinity;
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && !double.IsNaN(value))
            return value;
        throw new InputFormatException(source, lineNumber, $"expected a number, found '{TextInput.Quote(trimmed)}'");
    }

    private static void Add(List<List<PersistenceInterval>> bars, int dimension, PersistenceInterval bar)
    {
        while (bars.Count <= dimension) bars.Add([]);
        bars[dimension].Add(bar);
    }

    private static Barcode ToBarcode(List<List<PersistenceInterval>> bars, int minimumMaxDimension)
    {
        while (bars.Count <= minimumMaxDimension) bars.Add([]);
        return new Barcode(bars);
    }
}
