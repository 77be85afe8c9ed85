using System.Globalization;

namespace TopoDsl.Cli;

/// <summary>Parses sizes such as 512M, 2G, 1.5GiB or 1000000 (bytes).</summary>
internal static class ByteSize
{
    public static long Parse(string text, string option)
    {
        var t = text.Trim();
        int split = t.Length;
        while (split > 0 && char.IsLetter(t[split - 1])) split--;
        string unit = t[split..].ToUpperInvariant().Replace("IB", "").TrimEnd('B');
        long multiplier = unit switch
        {
            "" => 1,
            "K" => 1L << 10,
            "M" => 1L << 20,
            "G" => 1L << 30,
            "T" => 1L << 40,
            _ => throw new UsageException($"{option}: unknown size unit in '{text}' (use K, M, G or T)"),
        };
        if (!double.TryParse(t[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ||
            !double.IsFinite(value) || value <= 0)
            throw new UsageException($"{option}: '{text}' is not a positive size such as 512M or 2G");
        return (long)(value * multiplier);
    }
}
