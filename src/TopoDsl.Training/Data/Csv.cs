namespace TopoDsl.Training.Data;

/// <summary>
/// Reader for numeric CSV: fields separated by commas (when the first row has one) or else by whitespace;
/// <c>#</c> starts a comment; blank lines are skipped; an optional header row (see <see cref="CsvHeader"/>).
/// Every row must have as many fields as the first; every value must be a finite float.
/// Problems raise a <see cref="DataFormatException"/> naming the file and the 1-based line.
/// </summary>
public static class Csv
{
    public static Dataset Read(string path, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = File.OpenText(path);
        return Parse(reader, path, options);
    }

    /// <param name="name">The file name used in error messages.</param>
    public static Dataset Parse(TextReader reader, string name, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new CsvOptions();
        var table = new CsvTable(name, options);
        int lineNumber = 0;
        while (reader.ReadLine() is string line)
            table.Add(line, ++lineNumber);
        return table.ToDataset();
    }
}
