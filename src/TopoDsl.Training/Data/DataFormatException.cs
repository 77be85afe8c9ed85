namespace TopoDsl.Training.Data;

/// <summary>Bad content in a data file: names the file and, for text formats, the 1-based line.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string file, int? line, string problem, Exception? inner = null)
        : base(line is int l ? $"{file}:{l}: {problem}" : $"{file}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public DataFormatException(string file, string problem, Exception? inner = null) : this(file, null, problem, inner)
    {
    }

    public string File { get; }
    public int? Line { get; }
    public string Problem { get; }
}
