using System.Text;
using TopoDsl.Text;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Modules;

/// <summary>
/// Saves and loads a module's parameters: a small binary file (magic, then per parameter its name, shape and
/// little-endian float32 values), written atomically. Loading checks every name and shape against the module.
/// </summary>
public static class WeightsFile
{
    private const string Magic = "TOPODSL-WEIGHTS-1";

    public static void Save(Module module, string path)
    {
        string temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
            {
                var parameters = module.NamedParameters().ToList();
                writer.Write(Magic);
                writer.Write(parameters.Count);
                foreach (var (name, value) in parameters)
                {
                    writer.Write(name);
                    writer.Write(value.Rank);
                    foreach (int d in value.Shape) writer.Write(d);
                    foreach (float v in value.Data) writer.Write(v);
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Loads into <paramref name="module"/>'s parameters in place; nothing is changed unless the whole file fits.</summary>
    public static void Load(Module module, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: weights file not found", path);
        var parameters = module.NamedParameters().ToList();
        var loaded = new List<float[]>();
        using (var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8))
        {
            try
            {
                if (reader.ReadString() != Magic) throw Bad(path, "not a TopoDsl weights file");
                int count = reader.ReadInt32();
                if (count != parameters.Count) throw Bad(path, $"holds {count} parameters, the model has {parameters.Count}");
                foreach (var (name, value) in parameters)
                {
                    string stored = reader.ReadString();
                    if (stored != name) throw Bad(path, $"parameter '{PrintableText.Quote(stored)}' where the model has '{name}'");
                    var shape = new int[reader.ReadInt32()];
                    for (int d = 0; d < shape.Length; d++) shape[d] = reader.ReadInt32();
                    if (!Shapes.Equal(shape, value.Shape))
                        throw Bad(path, $"'{name}' has shape {Shapes.Format(shape)}, the model's is {Shapes.Format(value.Shape)}");
                    var data = new float[value.Count];
                    for (int i = 0; i < data.Length; i++) data[i] = reader.ReadSingle();
                    loaded.Add(data);
                }
            }
            catch (EndOfStreamException)
            {
                throw Bad(path, "the file is truncated");
            }
        }
        for (int k = 0; k < parameters.Count; k++) loaded[k].CopyTo(parameters[k].Value.Data, 0);
    }

    private static InvalidDataException Bad(string path, string problem) => new($"{path}: {problem}");
}
