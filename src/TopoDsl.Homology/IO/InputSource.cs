using System.Text;

namespace TopoDsl.Homology.IO;

/// <summary>Opens a path for reading ("-" is standard input) and turns I/O failures into <see cref="InputFormatException"/>.</summary>
internal static class InputSource
{
    public const string StandardInputPath = "-";
    public const string StandardInputName = "<stdin>";

    public static T Read<T>(string path, Func<TextReader, string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == StandardInputPath) return ReadGuarded(Console.In, StandardInputName, parse);
        using var reader = Open(path);
        return ReadGuarded(reader, path, parse);
    }

    private static StreamReader Open(string path)
    {
        if (path.Length == 0) throw new InputFormatException(path, null, "no file name given");
        if (Directory.Exists(path)) throw new InputFormatException(path, null, "this is a folder, not a file");
        try
        {
            return new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16 });
        }
        catch (FileNotFoundException)
        {
            throw new InputFormatException(path, null, "the file does not exist");
        }
        catch (DirectoryNotFoundException)
        {
            throw new InputFormatException(path, null, "the file's folder does not exist");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputFormatException(path, null, "the file cannot be read: permission denied");
        }
        catch (IOException e)
        {
            throw new InputFormatException(path, null, $"the file cannot be opened: {e.Message}");
        }
    }

    private static T ReadGuarded<T>(TextReader reader, string source, Func<TextReader, string, T> parse)
    {
        try
        {
            return parse(reader, source);
        }
        catch (IOException e)
        {
            throw new InputFormatException(source, null, $"reading failed: {e.Message}");
        }
    }
}
