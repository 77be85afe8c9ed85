using System.Text;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Writes a file all at once or not at all: the content goes to a temporary file in the same folder, which is
/// flushed to disk and then renamed over the target. On failure the temporary file is removed and the target is
/// left as it was.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write) => Place(path, write, overwrite: true);

    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8) as <paramref name="path"/> only if no file has that name yet, whole or not
    /// at all; false when one had. Of several processes creating one file at once, exactly one succeeds.
    /// </summary>
    public static bool CreateOnce(string path, string text)
    {
        if (File.Exists(path)) return false;
        try
        {
            Place(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)), overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    // The content goes to a temporary file in the target's folder, flushed to disk, then moved onto the target.
    private static void Place(string path, Action<Stream> write, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' names no file", nameof(path));
        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite);
        }
        finally
        {
            TryDelete(temporary); // gone already after the move
        }
    }

    /// <summary>Text in UTF-8 without a byte-order mark; the writer's NewLine is "\n".</summary>
    public static void WriteAllText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
