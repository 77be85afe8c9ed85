using System.Buffers.Binary;
using TopoDsl.Experiments.Running;
using TopoDsl.Homology.IO;
using TopoDsl.Training.Modules;

namespace TopoDsl.Experiments.Analyses;

/// <summary>
/// A network's parameters as one file: "TOPOPAR1", the count (int64), then the float32 values in
/// <see cref="Module.Parameters"/> order, little-endian; written atomically.
/// </summary>
internal static class ParameterFile
{
    private static readonly byte[] Magic = "TOPOPAR1"u8.ToArray();

    /// <summary>The network's parameters, copied now (the write may happen later, on another thread).</summary>
    public static float[] Snapshot(Module model) => model.Parameters().SelectMany(p => p.Data).ToArray();

    public static void Write(string path, float[] values)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(Magic);
            Span<byte> count = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(count, values.Length);
            stream.Write(count);
            var bytes = new byte[values.Length * 4];
            for (int k = 0; k < values.Length; k++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * k), values[k]);
            stream.Write(bytes);
        });
    }

    /// <summary>The values as doubles, a point of the network's loss surface; the file must hold <paramref name="expected"/> of them.</summary>
    public static double[] ReadPoint(string path, int expected)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 16 || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw new ExperimentException($"{path}: not a TopoDsl parameter file");
        long count = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8));
        if (count != expected || bytes.Length != 16 + 4 * count)
            throw new ExperimentException($"{path}: holds {count} parameters in {bytes.Length} bytes; the network has {expected}");
        var point = new double[count];
        for (int k = 0; k < point.Length; k++) point[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(16 + 4 * k));
        return point;
    }
}
