using System.Globalization;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Oracles;

/// <summary>F.max_pool2d on inputs with NaNs, some windows holding two: outputs and gradients equal PyTorch's.</summary>
public class MaxPoolNaNOracleTests
{
    private const string Script = """
        import sys, torch, torch.nn.functional as F
        shape = [int(v) for v in sys.argv[1].split()]
        x = torch.tensor([float(v) for v in sys.argv[2].split()], dtype=torch.float32).reshape(shape).requires_grad_()
        kernel, stride, upstream = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        y = F.max_pool2d(x, kernel, stride)
        w = torch.tensor([float(v) for v in sys.argv[6].split()], dtype=torch.float32).reshape(y.shape)
        (y * w if upstream == "weights" else y * y).sum().backward()
        show = lambda t: " ".join("NaN" if v != v else repr(v) for v in t.flatten().tolist())
        print(show(y.detach()))
        print(show(x.grad))
        """;

    [TorchFact]
    public void Outputs_and_gradients_match_pytorch()
    {
        foreach (var (kernel, stride, upstream) in new[] { (2, 1, "weights"), (3, 2, "weights"), (2, 1, "square"), (2, 2, "square") })
            Compare(kernel, stride, upstream);
    }

    private static void Compare(int kernel, int stride, string upstream)
    {
        int[] shape = [2, 2, 5, 6];
        var random = new Random(kernel * 10 + stride);
        var values = Enumerable.Range(0, 2 * 2 * 5 * 6).Select(_ => random.NextDouble() < 0.15 ? float.NaN : (float)(random.NextDouble() * 4 - 2)).ToArray();
        values[1] = values[6] = float.NaN; // two NaNs in the first window
        var x = new Tensor(values, shape) { RequiresGrad = true };
        var y = x.MaxPool2d(kernel, stride);
        var weights = Enumerable.Range(0, y.Count).Select(_ => (float)(random.NextDouble() + 0.5)).ToArray();
        (upstream == "weights" ? y * new Tensor(weights, y.Shape.ToArray()) : y * y).Sum().Backward();

        var lines = OracleTools.RunPython(Script, string.Join(' ', shape), Text(values), kernel.ToString(CultureInfo.InvariantCulture),
            stride.ToString(CultureInfo.InvariantCulture), upstream, Text(weights)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        string context = $"kernel {kernel}, stride {stride}, upstream {upstream}";
        Assert.True(Parse(lines[0]).SequenceEqual(y.Data), $"{context}: outputs differ");
        var expectedGradient = Parse(lines[1]);
        Assert.Equal(expectedGradient.Length, x.Grad!.Count);
        for (int k = 0; k < expectedGradient.Length; k++)
            Assert.True(Same(expectedGradient[k], x.Grad!.Data[k]), $"{context}: gradient at {k}: torch {expectedGradient[k]}, ours {x.Grad!.Data[k]}");
    }

    private static bool Same(float expected, float actual) =>
        float.IsNaN(expected) ? float.IsNaN(actual) : Math.Abs(expected - actual) <= 1e-6f * Math.Max(1, Math.Abs(expected));

    private static string Text(float[] values) => string.Join(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static float[] Parse(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
