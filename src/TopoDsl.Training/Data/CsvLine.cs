namespace TopoDsl.Training.Data;

/// <summary>Splits one CSV line into fields: commas (fields trimmed) or runs of whitespace.</summary>
internal static class CsvLine
{
    /// <summary>The line without its <c>#</c> comment and surrounding blanks; empty when nothing is left.</summary>
    public static string Content(string line)
    {
        int hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    public static string[] Fields(string content, bool commaSeparated) => commaSeparated
        ? content.Split(',', StringSplitOptions.TrimEntries)
        : content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
