using System.Globalization;
using TopoDsl.Landscape.Slices;
using TopoDsl.Training;
using TopoDsl.Training.Data;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Landscape.Tests.Slices;

/// <summary>The slice against PyTorch moving every parameter per grid point, as the loss-landscape code does.</summary>
public class TorchSliceOracleTests
{
    private const string Script = """
        import sys, json, numpy as np, torch
        spec = json.load(open(sys.argv[1]))
        widths = spec["widths"]
        layers = []
        for i in range(len(widths) - 1):
            layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
            if i + 2 < len(widths): layers.append(torch.nn.Tanh())
        model = torch.nn.Sequential(*layers)
        def tensors(key): return [torch.tensor(a, dtype=torch.float32).reshape(p.shape) for a, p in zip(spec[key], model.parameters())]
        theta, d1, d2 = tensors("theta"), tensors("first"), tensors("second")
        x = torch.tensor(spec["inputs"], dtype=torch.float32).reshape(-1, widths[0])
        if "labels" in spec:
            target, loss = torch.tensor(spec["labels"]), torch.nn.CrossEntropyLoss()
        else:
            target, loss = torch.tensor(spec["targets"], dtype=torch.float32).reshape(-1, widths[-1]), torch.nn.MSELoss()
        grid = np.linspace(-1, 1, spec["resolution"])
        with torch.no_grad():
            for b in grid:
                for a in grid:
                    for p, t, u, v in zip(model.parameters(), theta, d1, d2): p.copy_(t + float(a) * u + float(b) * v)
                    print(repr(loss(model(x), target).item()))
        """;

    [TorchFact]
    public void Classification_and_regression_slices_match_pytorch()
    {
        foreach (bool labelled in new[] { true, false })
        {
            var rng = new Rng(labelled ? 11UL : 12UL);
            int[] widths = [9, 14, labelled ? 4 : 2];
            var model = Mlp.Create(widths, ActivationKind.Tanh, bias: true, seed: 3);
            var inputs = new Tensor(Enumerable.Range(0, 300 * 9).Select(_ => (float)rng.Normal()).ToArray(), 300, 9);
            var data = labelled
                ? new Dataset(inputs, Enumerable.Range(0, 300).Select(_ => rng.NextInt(4)).ToArray(), 4)
                : new Dataset(inputs, new Tensor(Enumerable.Range(0, 600).Select(_ => (float)rng.Normal()).ToArray(), 300, 2));
            var d1 = FilterNormalizedDirection.Draw(model, 5);
            var d2 = FilterNormalizedDirection.Draw(model, 6);
            var options = new SliceOptions { Resolution = 5, ChunkRows = 128 };

            var slice = LossSlicer.Compute(model, data, d1, d2, options);

            var spec = new Dictionary<string, object>
            {
                ["widths"] = widths, ["resolution"] = options.Resolution, ["inputs"] = inputs.Data,
                ["theta"] = model.Parameters().Select(p => p.Data).ToArray(), ["first"] = d1, ["second"] = d2,
            };
            if (labelled) spec["labels"] = data.Labels!;
            else spec["targets"] = data.Targets.Data;
            using var folder = new TempFolder();
            string file = folder.File(System.Text.Json.JsonSerializer.Serialize(spec), "spec.json");
            var expected = OracleTools.RunPython(Script, file).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();

            Assert.Equal(expected.Length, slice.Losses.Count);
            for (int k = 0; k < expected.Length; k++)
                Assert.True(Math.Abs(slice.Losses[k] - expected[k]) <= 1e-5 * Math.Max(1, expected[k]), $"{(labelled ? "labelled" : "regression")} point {k}: {slice.Losses[k]} against PyTorch's {expected[k]}");
        }
    }
}
