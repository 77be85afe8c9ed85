using System.Buffers.Binary;
using TopoDsl.Homology.IO;

namespace TopoDsl.Experiments.Analyses;

/// <summary>A block of a slice's losses: float64 values, little-endian, written atomically; a file of the wrong length reads as missing.</summary>
internal static class RowFile
{
    public static void Write(string path, double[] values)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var bytes = new byte[values.Length * 8];
        for (int k = 0; k < values.Length; k++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * k), values[k]);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    public static double[]? Read(string path, int count)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length != 8 * count) return null;
        var values = new double[count];
        for (int k = 0; k < count; k++) values[k] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(8 * k));
        return values;
    }
}
