namespace TopoDsl.Homology.IO;

/// <summary>Bad input in a file: names the file and, where it applies, the 1-based line.</summary>
public sealed class InputFormatException : Exception
{
    public InputFormatException(string file, int? line, string problem)
        : base(line is int l ? $"{file}:{l}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    public string File { get; }
    public int? Line { get; }
    public string Problem { get; }
}
