using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Sublevel;

/// <summary>A line of a text data file that holds fields, with its 1-based line number.</summary>
internal readonly record struct DataLine(int Number, string[] Fields);

/// <summary>
/// Reads a text data file line by line: '#' starts a comment, blank lines are skipped, fields are separated
/// by whitespace or commas. Problems opening or reading the file become InputFormatException.
/// </summary>
internal static class DataLines
{
    private static readonly char[] Separators = [' ', '\t', ',', '\r', '\v', '\f'];

    public static IEnumerable<DataLine> Read(string path)
    {
        using var reader = Open(path);
        for (int number = 1; ReadLine(reader, path, number) is string text; number++)
        {
            int comment = text.IndexOf('#');
            if (comment >= 0) text = text[..comment];
            var fields = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0) yield return new DataLine(number, fields);
        }
    }

    private static StreamReader Open(string path)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFormatException(path, null, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputFormatException(path, null, $"cannot open the file: {e.Message}");
        }
    }

    private static string? ReadLine(StreamReader reader, string path, int number)
    {
        try
        {
            return reader.ReadLine();
        }
        catch (IOException e)
        {
            throw new InputFormatException(path, number, $"cannot read the file: {e.Message}");
        }
    }
}
