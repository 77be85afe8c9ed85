using System.Text.Json.Nodes;
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
        using var folder = new ExchangeFolder();
        folder.Write("inputs.f32", data.Inputs.Data);
        folder.Write("labels.i32", data.Labels ?? throw new InvalidOperationException("the slice benchmark needs labelled data"));
        var parameters = model.Parameters().ToList();
        for (int k = 0; k < parameters.Count; k++)
        {
            folder.Write($"theta{k}.f32", parameters[k].Data);
            folder.Write($"first{k}.f32", first[k]);
            folder.Write($"second{k}.f32", second[k]);
        }
        string spec = new JsonObject
        {
            ["folder"] = folder.Path, ["widths"] = TorchProcess.Array(widths), ["resolution"] = resolution, ["torch_threads"] = threads,
        }.ToJsonString();
        var root = TorchProcess.RunJson(Script, spec, threads, "slice");
        return (root.GetProperty("seconds").GetDouble(), root.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble()).ToArray());
    }

    private static readonly string Script = TorchProcess.Script("torch_slice.py");
}
