using System.Text;
using System.Text.Json;
using TopoDsl.Homology.IO;
using TopoDsl.Training.Optimizers;

namespace TopoDsl.Experiments.Running;

/// <summary>
/// A run's state between steps, in one file written atomically: the progress as JSON, then every parameter's values
/// and optimizer state buffers as raw float32. Restoring it and continuing gives the same numbers, to the last bit,
/// as never having stopped.
/// </summary>
internal static class RunCheckpoint
{
    private const uint Magic = 0x4B435054; // "TPCK"
    private const int Version = 1;

    /// <summary>The checkpoint's bytes: taken between steps, written by <see cref="Save"/> while training goes on.</summary>
    public static byte[] Serialize(RunProgress progress, IReadOnlyList<ParameterSlot> slots)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            var json = JsonSerializer.SerializeToUtf8Bytes(progress, ResultsJson.Compact);
            writer.Write(json.Length);
            writer.Write(json);
            writer.Write(slots.Count);
            foreach (var slot in slots)
            {
                writer.Write(slot.Name);
                WriteFloats(writer, slot.Values);
                writer.Write(slot.StateCount);
                for (int k = 0; k < slot.StateCount; k++)
                {
                    var state = slot.ExistingState(k);
                    writer.Write(state is not null);
                    if (state is not null) WriteFloats(writer, state);
                }
            }
        }
        return stream.ToArray();
    }

    public static void Save(string path, byte[] checkpoint) => AtomicFile.Write(path, stream => stream.Write(checkpoint));

    /// <summary>Restores the parameters and optimizer state into <paramref name="slots"/>; returns the progress.</summary>
    public static RunProgress Load(string path, IReadOnlyList<ParameterSlot> slots)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (reader.ReadUInt32() != Magic || reader.ReadInt32() != Version)
            throw new InvalidDataException($"{path}: not a TopoDsl run checkpoint of this version");
        var progress = JsonSerializer.Deserialize<RunProgress>(reader.ReadBytes(reader.ReadInt32()), ResultsJson.Compact)
            ?? throw new InvalidDataException($"{path}: empty checkpoint");
        int count = reader.ReadInt32();
        if (count != slots.Count) throw new InvalidDataException($"{path}: {count} parameters saved, the network has {slots.Count}");
        foreach (var slot in slots)
        {
            string name = reader.ReadString();
            if (name != slot.Name) throw new InvalidDataException($"{path}: parameter '{name}' saved where the network has '{slot.Name}'");
            ReadFloats(reader, slot.Values, path, name);
            int states = reader.ReadInt32();
            for (int k = 0; k < states; k++)
                if (reader.ReadBoolean()) ReadFloats(reader, slot.State(k), path, name);
        }
        return progress;
    }

    private static void WriteFloats(BinaryWriter writer, ReadOnlySpan<float> values)
    {
        writer.Write(values.Length);
        writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }

    private static void ReadFloats(BinaryReader reader, Span<float> destination, string path, string name)
    {
        int length = reader.ReadInt32();
        if (length != destination.Length) throw new InvalidDataException($"{path}: '{name}' has {length} values saved, {destination.Length} expected");
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(destination);
        try
        {
            reader.BaseStream.ReadExactly(bytes);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: truncated at '{name}'");
        }
    }
}
