using System.Text.Json.Nodes;
using TopoDsl.Landscape.Paths;
using TopoDsl.Training.Data;

namespace TopoDsl.Cli.Bench;

/// <summary>
/// The same AutoNEB relaxation in PyTorch (Debian's python3-torch): the script implements TopoDsl's steps on a torch
/// network of the same widths, starting from the same two minima, and times the relaxation and the dense evaluation.
/// </summary>
internal static class TorchAutoNeb
{
    public static (double Seconds, double Barrier, int Images) Run(Dataset data, float[] start, float[] end, IReadOnlyList<int> widths,
        AutoNebOptions options, int threads)
    {
        using var folder = new ExchangeFolder();
        folder.Write("inputs.f32", data.Inputs.Data);
        folder.Write("labels.i32", data.Labels ?? throw new InvalidOperationException("the AutoNEB benchmark needs labelled data"));
        folder.Write("start.f32", start);
        folder.Write("end.f32", end);
        string spec = new JsonObject
        {
            ["folder"] = folder.Path, ["widths"] = TorchProcess.Array(widths), ["torch_threads"] = threads, ["initial"] = options.InitialImages,
            ["insert"] = options.InsertPerCycle, ["threshold"] = options.InsertThreshold, ["points"] = options.PointsPerSegment,
            ["momentum"] = options.Momentum, ["cycles"] = new JsonArray(options.Cycles.Select(c => (JsonNode)new JsonArray(c.Steps, c.LearningRate)).ToArray()),
        }.ToJsonString();
        var root = TorchProcess.RunJson(Script, spec, threads, "AutoNEB");
        return (root.GetProperty("seconds").GetDouble(), root.GetProperty("barrier").GetDouble(), root.GetProperty("images").GetInt32());
    }

    private static readonly string Script = TorchProcess.Script("torch_autoneb.py");
}
