using System.Buffers.Binary;
using System.IO.Compression;

namespace TopoDsl.Training.Data;

/// <summary>
/// Reader for IDX files (the MNIST format): a big-endian header — two zero bytes, the element type, the number of
/// dimensions, then each dimension as an int32 — followed by the values. Only unsigned bytes (type 0x08) are read.
/// Files may be plain or gzip-compressed; gzip is recognised by its magic bytes, not by the file name.
/// Every problem is a <see cref="DataFormatException"/> naming the file.
/// </summary>
public static class Idx
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;
    private const byte UnsignedByteType = 0x08;

    /// <summary>An unsigned-byte image file [n, rows, columns] (magic 0x00000803).</summary>
    public static IdxArray ReadImages(string path) => Read(path, ImagesMagic);

    /// <summary>An unsigned-byte label file [n] (magic 0x00000801).</summary>
    public static IdxArray ReadLabels(string path) => Read(path, LabelsMagic);

    /// <summary>Any unsigned-byte IDX file; with <paramref name="expectedMagic"/>, other magic numbers are errors.</summary>
    public static IdxArray Read(string path, int? expectedMagic = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            using var content = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            return ReadContent(path, content, expectedMagic);
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(path, $"corrupt gzip data ({e.Message})", e);
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> head = stackalloc byte[2];
        int read = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return read == 2 && head[0] == 0x1F && head[1] == 0x8B;
    }

    private static IdxArray ReadContent(string path, Stream content, int? expectedMagic)
    {
        Span<byte> magicBytes = stackalloc byte[4];
        ReadHeaderPart(path, content, magicBytes, "magic number");
        int magic = BinaryPrimitives.ReadInt32BigEndian(magicBytes);
        if (expectedMagic is int expected && magic != expected)
            throw new DataFormatException(path, $"wrong magic number 0x{magic:X8}: expected 0x{expected:X8} ({Describe(expected)})");
        if (magicBytes[0] != 0 || magicBytes[1] != 0)
            throw new DataFormatException(path, $"not an IDX file: magic number 0x{magic:X8} does not start with two zero bytes");
        if (magicBytes[2] != UnsignedByteType)
            throw new DataFormatException(path, $"unsupported IDX element type 0x{magicBytes[2]:X2}: only unsigned bytes (0x08) are read");
        int rank = magicBytes[3];
        if (rank == 0) throw new DataFormatException(path, "IDX header declares zero dimensions");

        var dimensionBytes = new byte[4 * rank];
        ReadHeaderPart(path, content, dimensionBytes, $"{rank} dimensions");
        var dimensions = new int[rank];
        long count = 1;
        for (int d = 0; d < rank; d++)
        {
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(dimensionBytes.AsSpan(4 * d));
            if (dimensions[d] < 0)
                throw new DataFormatException(path, $"dimension {d} is {(uint)dimensions[d]}, beyond what can be loaded");
            count *= dimensions[d];
            if (count > Array.MaxLength)
                throw new DataFormatException(path, $"dimensions [{string.Join(", ", dimensions[..(d + 1)])}...] hold more values than an array can");
        }

        var values = new byte[count];
        int read = content.ReadAtLeast(values, values.Length, throwOnEndOfStream: false);
        if (read < values.Length)
            throw new DataFormatException(path, $"truncated: the header promises {count} values [{string.Join(", ", dimensions)}] but only {read} follow");
        if (content.ReadByte() >= 0)
            throw new DataFormatException(path, $"data continues after the {count} values [{string.Join(", ", dimensions)}] the header promises");
        return new IdxArray(path, magic, dimensions, values);
    }

    private static void ReadHeaderPart(string path, Stream content, Span<byte> buffer, string what)
    {
        if (content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
            throw new DataFormatException(path, $"truncated IDX header: the file ends inside the {what}");
    }

    private static string Describe(int magic) => magic switch
    {
        ImagesMagic => "IDX unsigned-byte images",
        LabelsMagic => "IDX unsigned-byte labels",
        _ => "IDX",
    };
}
