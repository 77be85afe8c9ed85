using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TopoDsl.Training.Tests.Oracles;

/// <summary>Exact exchange with numpy: raw little-endian float32 and int32 files out, float64 files back.</summary>
internal static class RawArrays
{
    public static void Write(string path, float[] values) => File.WriteAllBytes(path, LittleEndian(MemoryMarshal.AsBytes(values.AsSpan())));

    public static void Write(string path, int[] values) => File.WriteAllBytes(path, LittleEndian(MemoryMarshal.AsBytes(values.AsSpan())));

    public static double[] ReadDoubles(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new double[bytes.Length / sizeof(double)];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)));
        return values;
    }

    private static byte[] LittleEndian(ReadOnlySpan<byte> native)
    {
        var bytes = native.ToArray();
        if (!BitConverter.IsLittleEndian)
            for (var i = 0; i < bytes.Length; i += 4) bytes.AsSpan(i, 4).Reverse();
        return bytes;
    }
}
