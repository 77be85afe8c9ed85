using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using TopoDsl.Training.Data;
using TopoDsl.Training.Modules;

namespace TopoDsl.Cli.Bench;

/// <summary>
/// The same landscape slice computed by PyTorch (Debian's python3-torch): topo writes the data, the network's
/// parameters and both directions as raw floats, and the script moves every parameter per grid point, as
/// loss-landscape code does. The grid's time alone is measured, inside the script.
/// </summary>
internal static class TorchSlice
{
    public static (double Seconds, double[] Losses) Compute(Sequential model, Dataset data, float[][] first, float[][] second,
        IReadOnlyList<int> widths, int resolution, int threads)
    {
        string folder = Directory.CreateTempSubdirectory("topo-slice-").FullName;
        try
        {
            Write(Path.Combine(folder, "inputs.f32"), data.Inputs.Data);
            Write(Path.Combine(folder, "labels.i32"), data.Labels ?? throw new InvalidOperationException("the slice benchmark needs labelled data"));
            var parameters = model.Parameters().ToList();
            for (int k = 0; k < parameters.Count; k++)
            {
                Write(Path.Combine(folder, $"theta{k}.f32"), parameters[k].Data);
                Write(Path.Combine(folder, $"first{k}.f32"), first[k]);
                Write(Path.Combine(folder, $"second{k}.f32"), second[k]);
            }
            string spec = JsonSerializer.Serialize(new { folder, widths, resolution, torch_threads = threads });
            var (code, stdout, stderr) = TorchProcess.Run(["-c", Script, spec], new Dictionary<string, string>
            {
                ["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture), ["OPENBLAS_NUM_THREADS"] = "1",
            });
            if (code != 0) throw new InvalidOperationException($"the PyTorch slice failed (exit {code}): {stderr.Trim()}");
            var root = JsonDocument.Parse(stdout).RootElement;
            return (root.GetProperty("seconds").GetDouble(), root.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Write<T>(string path, T[] values) where T : struct => File.WriteAllBytes(path, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    private static readonly string Script = TorchProcess.Script("torch_slice.py");
}
