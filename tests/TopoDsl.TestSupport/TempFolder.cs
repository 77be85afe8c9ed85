namespace TopoDsl.TestSupport;

/// <summary>A fresh temporary folder for one test, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private int _files;

    public string Path { get; } = Directory.CreateTempSubdirectory("topodsl-test-").FullName;

    /// <summary>Writes <paramref name="content"/> to a new file in the folder and returns its path.</summary>
    public string File(string content, string? name = null)
    {
        var file = System.IO.Path.Combine(Path, name ?? $"input{_files++}.txt");
        System.IO.File.WriteAllText(file, content);
        return file;
    }

    /// <summary>Writes the lines to a new file in the folder and returns its path.</summary>
    public string Lines(string name, IEnumerable<string> lines) =>
        File(string.Concat(lines.Select(line => line + "\n")), name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
