using TopoDsl.Training.Tests.Oracles.Reference;

namespace TopoDsl.Training.Tests.Oracles;

public class ConvOracleTests
{
    [TorchFact]
    public void A_2x2_kernel_over_a_3x3_image_matches_the_hand_computed_cross_correlation()
    {
        float[] image = [1, 2, 3, 4, 5, 6, 7, 8, 10];
        float[] kernel = [1, -1, 0.5f, 2];
        float[] bias = [0.25f];
        float[] identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
        // relu and a 1x1 max pool leave these positive conv outputs unchanged; the identity Linear passes them to MSE against 0.
        double[] conv = [11.25, 13.75, 18.75, 23.25];
        var model = new SmallCnn(1, 3, 3, new Conv2dSpec(1, 2, Bias: true), Activation.Relu, new Pool2dSpec(PoolKind.Max, 1, 1),
            Outputs: 4, LinearBias: false, LossKind.Mse);

        var (loss, gradients) = TorchOracle.LossAndGradients(model, [kernel, bias, identity], image, [1, 1, 3, 3], new float[4]);

        Close.Value(conv.Sum(c => c * c) / 4, loss, 1e-7, "loss");
        var dConv = conv.Select(c => c / 2).ToArray();
        var dKernel = new double[4];
        for (var r = 0; r < 2; r++)
            for (var s = 0; s < 2; s++)
                for (var a = 0; a < 2; a++)
                    for (var b = 0; b < 2; b++) dKernel[2 * a + b] += dConv[2 * r + s] * image[3 * (r + a) + s + b];
        var dLinear = dConv.SelectMany(d => conv.Select(c => d * c)).ToArray();
        Close.Arrays([dKernel, [dConv.Sum()], dLinear], gradients, 1e-6, "gradients");
    }

    [TorchFact]
    public void Strides_padding_pools_and_activations_match_finite_differences_of_a_double_reference()
    {
        var cases = Cases();

        var float32 = TorchOracle.LossAndGradients(cases);
        var float64 = TorchOracle.LossAndGradientsInFloat64(cases);

        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var model = (SmallCnn)c.Model;
            var parameters = Samples.Widen(c.Parameters);
            var what = $"{model.Activation} {model.Pool.Kind} pool, {model.Loss}";
            var expected = FiniteDifferences.Gradient(p => ReferenceCnn.Loss(model, p, c.Inputs, c.Targets), parameters);
            Close.Value(ReferenceCnn.Loss(model, parameters, c.Inputs, c.Targets), float64[i].Loss, 1e-12, what + " float64 loss");
            Close.Arrays(expected, float64[i].Gradients, 1e-6, what + " float64 gradients", floor: 1e-3);
            Close.Value(float64[i].Loss, float32[i].Loss, 1e-6, what + " float32 loss");
            Close.Arrays(expected, float32[i].Gradients, 1e-5, what + " float32 gradients");
        }
    }

    private static List<TorchCase> Cases()
    {
        var random = new System.Random(5);
        var cases = new List<TorchCase>();
        var variant = 0;
        foreach (var activation in Enum.GetValues<Activation>())
            foreach (var pool in Enum.GetValues<PoolKind>())
            {
                var odd = variant++ % 2 == 1;
                var model = odd
                    ? new SmallCnn(2, 5, 5, new Conv2dSpec(3, 3, Stride: 2, Padding: 1, Bias: true), activation,
                        new Pool2dSpec(pool, 2, 1), Outputs: 3, LinearBias: true, LossKind.CrossEntropy)
                    : new SmallCnn(1, 6, 6, new Conv2dSpec(2, 2, Bias: false), activation,
                        new Pool2dSpec(pool, 2, 2), Outputs: 2, LinearBias: false, LossKind.Mse);
                const int n = 3;
                OracleTargets targets = odd ? Samples.Labels(random, n, 3) : Samples.Uniform(random, n * 2);
                var inputs = Samples.Uniform(random, n * model.InChannels * model.Height * model.Width, 2);
                cases.Add(new TorchCase(model, Samples.Parameters(random, model), inputs,
                    [n, model.InChannels, model.Height, model.Width], targets));
            }
        return cases;
    }
}
