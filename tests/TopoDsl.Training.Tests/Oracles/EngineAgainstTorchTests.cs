using TopoDsl.Training.Losses;
using TopoDsl.Training.Modules;
using TopoDsl.Training.SecondOrder;
using TopoDsl.Training.Tensors;
using TopoDsl.Training.Tests.Oracles.Reference;
using Engine = TopoDsl.Training.Modules;

namespace TopoDsl.Training.Tests.Oracles;

/// <summary>
/// TopoDsl's engine against PyTorch on the same weights and batch. The loss agrees within 1e-5 relative, and
/// each parameter's gradient within 1e-5 in relative norm, ||ours - torch|| / ||torch||, against torch in
/// float64 and in float32. (Entry by entry, float32 rounding in sums reaches 1.5e-5 on small entries even
/// between torch's own float32 and float64 results, so the per-tensor norm is the meaningful measure.)
/// The top Hessian eigenvalue agrees within 1%.
/// </summary>
public class EngineAgainstTorchTests
{
    private const double Tolerance = 1e-5;

    private static Engine.ActivationKind Kind(Activation a) => a switch
    {
        Activation.Sigmoid => Engine.ActivationKind.Sigmoid,
        Activation.Tanh => Engine.ActivationKind.Tanh,
        Activation.Relu => Engine.ActivationKind.Relu,
        Activation.Softplus => Engine.ActivationKind.Softplus,
        _ => Engine.ActivationKind.Gelu,
    };

    private sealed record Case(TorchCase Torch, Module Model, Tensor Inputs, Func<Tensor, Tensor> Loss);

    private static Case MlpCase(Activation activation, LossKind loss, ulong seed)
    {
        int[] widths = [6, 16, 8, 3];
        var model = Engine.Mlp.Create(widths, Kind(activation), bias: true, seed);
        var rng = new Rng(seed + 100);
        var x = Tensor.Zeros(10, 6);
        for (int i = 0; i < x.Count; i++) x.Data[i] = (float)rng.Normal();
        OracleTargets targets;
        Func<Tensor, Tensor> lossOf;
        if (loss == LossKind.Mse)
        {
            var y = Tensor.Zeros(10, 3);
            for (int i = 0; i < y.Count; i++) y.Data[i] = (float)rng.Normal();
            targets = y.Data;
            lossOf = output => Loss.MeanSquaredError(output, y);
        }
        else
        {
            var labels = Enumerable.Range(0, 10).Select(_ => rng.NextInt(3)).ToArray();
            targets = labels;
            lossOf = output => Loss.CrossEntropy(output, labels);
        }
        var torch = new TorchCase(new Mlp(widths, bias: true, activation, loss), Snapshot(model), x.Data, [10, 6], targets);
        return new Case(torch, model, x, lossOf);
    }

    private static Case CnnCase(Activation activation, LossKind loss, PoolKind pool, int stride, int padding, ulong seed)
    {
        var rng = new Rng(seed);
        var model = new Sequential(
            new Engine.Conv2d(2, 3, 3, rng, stride, padding),
            new Engine.Activation(Kind(activation)),
            new Pool2d(pool == PoolKind.Max, 2, 2),
            new Flatten());
        var x = Tensor.Zeros(4, 2, 9, 8);
        for (int i = 0; i < x.Count; i++) x.Data[i] = (float)rng.Normal();
        int flattened = model.Forward(x).Dim(1);
        var full = new Sequential(model.Layers.Append(new Linear(flattened, 3, bias: true, rng)).ToArray());
        var spec = new SmallCnn(2, 9, 8, new Conv2dSpec(3, 3, stride, padding), activation, new Pool2dSpec(pool, 2, 2), 3, true, loss);
        OracleTargets targets;
        Func<Tensor, Tensor> lossOf;
        if (loss == LossKind.Mse)
        {
            var y = Tensor.Zeros(4, 3);
            for (int i = 0; i < y.Count; i++) y.Data[i] = (float)rng.Normal();
            targets = y.Data;
            lossOf = output => Loss.MeanSquaredError(output, y);
        }
        else
        {
            var labels = new[] { 0, 2, 1, 2 };
            targets = labels;
            lossOf = output => Loss.CrossEntropy(output, labels);
        }
        return new Case(new TorchCase(spec, Snapshot(full), x.Data, [4, 2, 9, 8], targets), full, x, lossOf);
    }

    private static float[][] Snapshot(Module model) => model.Parameters().Select(p => (float[])p.Data.Clone()).ToArray();

    private static (double Loss, double[][] Gradients) Engine_(Case c)
    {
        c.Model.ZeroGrad();
        var loss = c.Loss(c.Model.Forward(c.Inputs));
        loss.Backward();
        return (loss.ToScalar(), c.Model.Parameters().Select(p => p.Grad!.Data.Select(v => (double)v).ToArray()).ToArray());
    }

    private static void CompareAll(IReadOnlyList<Case> cases)
    {
        var torch32 = TorchOracle.LossAndGradients(cases.Select(c => c.Torch).ToList());
        var torch64 = TorchOracle.LossAndGradientsInFloat64(cases.Select(c => c.Torch).ToList());
        for (int i = 0; i < cases.Count; i++)
        {
            var (loss, gradients) = Engine_(cases[i]);
            string name = cases[i].Torch.Model.ToString();
            Close.Value(torch64[i].Loss, loss, Tolerance, $"{name}: loss against torch float64");
            Close.Value(torch32[i].Loss, loss, Tolerance, $"{name}: loss against torch float32");
            NormwiseClose(torch64[i].Gradients, gradients, $"{name}: gradients against torch float64");
            NormwiseClose(torch32[i].Gradients.Select(g => g.Select(v => (double)v).ToArray()).ToArray(), gradients,
                $"{name}: gradients against torch float32");
        }
    }

    private static void NormwiseClose(double[][] expected, double[][] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int p = 0; p < expected.Length; p++)
        {
            double difference = Math.Sqrt(expected[p].Zip(actual[p], (e, a) => (e - a) * (e - a)).Sum());
            double norm = Math.Sqrt(expected[p].Sum(e => e * e));
            Assert.True(difference <= Tolerance * norm, $"{what}, parameter {p}: relative error {difference / norm:E2} > {Tolerance:E0}");
        }
    }

    [TorchFact]
    public void Mlp_loss_and_gradients_match_pytorch_for_every_activation_and_both_losses()
    {
        ulong seed = 1;
        CompareAll(Enum.GetValues<Activation>().SelectMany(a => Enum.GetValues<LossKind>().Select(l => MlpCase(a, l, seed++))).ToList());
    }

    [TorchFact]
    public void Small_cnn_loss_and_gradients_match_pytorch()
    {
        CompareAll([
            CnnCase(Activation.Relu, LossKind.CrossEntropy, PoolKind.Max, stride: 1, padding: 0, seed: 1),
            CnnCase(Activation.Tanh, LossKind.Mse, PoolKind.Avg, stride: 1, padding: 1, seed: 2),
            CnnCase(Activation.Gelu, LossKind.CrossEntropy, PoolKind.Avg, stride: 2, padding: 1, seed: 3),
            CnnCase(Activation.Sigmoid, LossKind.Mse, PoolKind.Max, stride: 1, padding: 2, seed: 4),
        ]);
    }

    [TorchFact]
    public void Top_hessian_eigenvalue_matches_pytorch_within_one_percent()
    {
        var cases = new[] { MlpCase(Activation.Sigmoid, LossKind.Mse, 11), MlpCase(Activation.Tanh, LossKind.CrossEntropy, 12) };
        var torch = TorchOracle.HessianPowerIteration(cases.Select(c => c.Torch).ToList(), iterations: 500, seed: 3);
        for (int i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            var ours = Sharpness.TopEigenvalue(() => c.Loss(c.Model.Forward(c.Inputs)), c.Model.Parameters().ToList());
            Assert.True(torch[i].RelativeChange < 1e-6, $"the oracle's power iteration did not settle ({torch[i].RelativeChange:E2})");
            Assert.True(torch[i].Eigenvalue > 0, "this test needs the largest-magnitude eigenvalue to be the top one");
            Assert.True(Math.Abs(ours.TopEigenvalue - torch[i].Eigenvalue) <= 0.01 * torch[i].Eigenvalue,
                $"case {i}: TopoDsl {ours.TopEigenvalue} vs PyTorch {torch[i].Eigenvalue}");
        }
    }
}
