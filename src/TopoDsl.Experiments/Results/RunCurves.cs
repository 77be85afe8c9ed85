using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Results;

/// <summary>
/// A run's curves as CSV files in <c>curves/ID/</c>: <c>loss.csv</c> (batch loss per step), <c>evaluation.csv</c>
/// (whole-set losses and accuracies per checkpoint), <c>sharpness.csv</c> (K and η K), and per tracked layer
/// <c>topology-layerL.csv</c> (Betti numbers, persistent Betti numbers, bottleneck distances, diameter and scale per
/// checkpoint) and <c>certificate-layerL.csv</c> (largest expansion and contraction beyond rounding, merges, per step).
/// </summary>
internal static class RunCurves
{
    public static void Write(string folder, RunProgress progress, IReadOnlyList<int> layers)
    {
        var result = progress.Result;
        CsvWriter.Write(Path.Combine(folder, RunFolders.LossCurve), ["step", "batchLoss"],
            progress.BatchLosses.Select((loss, i) => new object?[] { i + 1, loss }));
        CsvWriter.Write(Path.Combine(folder, "evaluation.csv"), ["step", "trainLoss", "testLoss", "trainAccuracy", "testAccuracy"],
            progress.Evaluations.Select(e => new object?[] { e.Step, e.TrainLoss, e.TestLoss, e.TrainAccuracy, e.TestAccuracy }));
        CsvWriter.Write(Path.Combine(folder, "sharpness.csv"), ["step", "K", "etaTimesK"],
            result.Sharpness.Select(s => new object?[] { s.Step, s.Value, s.Value * result.Eta }));
        for (int k = 0; k < layers.Count; k++)
        {
            WriteTopology(Path.Combine(folder, $"topology-layer{layers[k]}.csv"), result.LayerAt(k));
            var record = progress.Layers[k];
            if (record.Certificate is not null)
                CsvWriter.Write(Path.Combine(folder, $"certificate-layer{layers[k]}.csv"), ["step", "expansion", "contraction", "merges"],
                    record.Expansion.Select((e, i) => new object?[] { i + 1, e, record.Contraction[i], record.Merges[i] }));
        }
    }

    private static void WriteTopology(string path, LayerResult layer)
    {
        int dimensions = layer.Betti.Count > 0 ? layer.Betti[0].Values.Length : 0;
        var header = new List<string> { "step", "diameter", "scale", "truncation" };
        header.AddRange(Enumerable.Range(0, dimensions).Select(d => $"betti{d}"));
        header.AddRange(Enumerable.Range(0, dimensions).Select(d => $"persistentBetti{d}"));
        header.AddRange(Enumerable.Range(0, dimensions).Select(d => $"bottleneck{d}"));
        CsvWriter.Write(path, header, layer.Betti.Select((betti, i) =>
        {
            var scale = layer.Scales[i];
            return new object?[] { betti.Step, scale.Diameter, scale.Scale, scale.Truncation }
                .Concat(betti.Values.Cast<object?>())
                .Concat(layer.PersistentBetti[i].Values.Cast<object?>())
                .Concat(layer.Bottleneck[i].Values.Cast<object?>());
        }));
    }
}
