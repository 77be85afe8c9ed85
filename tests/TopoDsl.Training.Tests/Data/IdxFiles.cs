using System.IO.Compression;

namespace TopoDsl.Training.Tests.Data;

/// <summary>Writes IDX files byte by byte (independently of the reader under test), plain or gzip-compressed.</summary>
internal static class IdxFiles
{
    public static byte[] Bytes(int magic, int[] dimensions, byte[] values)
    {
        var bytes = new List<byte>();
        void BigEndian(int v) => bytes.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        BigEndian(magic);
        foreach (int d in dimensions) BigEndian(d);
        bytes.AddRange(values);
        return bytes.ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest)) gzip.Write(content);
        return compressed.ToArray();
    }

    public static string Write(TempFolder folder, string name, byte[] content)
    {
        var path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string Write(TempFolder folder, string name, int magic, int[] dimensions, byte[] values, bool gzip)
    {
        var content = Bytes(magic, dimensions, values);
        return Write(folder, name, gzip ? Gzip(content) : content);
    }

    public static byte[] RandomBytes(int count, int seed)
    {
        var values = new byte[count];
        new System.Random(seed).NextBytes(values);
        return values;
    }
}
