using TopoDsl.Training.Tests.Oracles.Reference;

namespace TopoDsl.Training.Tests.Oracles;

public class MlpOracleTests
{
    private const double Tolerance = 1e-5;

    [TorchFact]
    public void Sigmoid_2_3_1_without_bias_matches_a_hand_written_backward_pass()
    {
        float[] w1 = [0.5f, -1.25f, 0.75f, 0.3f, -0.6f, 1.1f]; // [3, 2]
        float[] w2 = [1.5f, -0.8f, 0.45f]; // [1, 3]
        float[] x = [0.2f, -1.0f, 1.5f, 0.7f, -0.4f, -0.9f, 2.0f, 0.1f]; // [4, 2]
        float[] t = [0.3f, -0.2f, 1.0f, 0.05f];
        var model = new Mlp([2, 3, 1], bias: false, Activation.Sigmoid, LossKind.Mse);

        var (loss, gradients) = TorchOracle.LossAndGradients(model, [w1, w2], x, [4, 2], t);

        var expectedLoss = 0.0;
        var dw1 = new double[6];
        var dw2 = new double[3];
        for (var n = 0; n < 4; n++)
        {
            var h = new double[3];
            for (var j = 0; j < 3; j++) h[j] = ReferenceActivation.Sigmoid((double)w1[2 * j] * x[2 * n] + (double)w1[2 * j + 1] * x[2 * n + 1]);
            var y = w2[0] * h[0] + w2[1] * h[1] + w2[2] * h[2];
            expectedLoss += (y - t[n]) * (y - t[n]) / 4;
            var dy = 2 * (y - t[n]) / 4;
            for (var j = 0; j < 3; j++)
            {
                dw2[j] += dy * h[j];
                var dz = dy * w2[j] * h[j] * (1 - h[j]);
                dw1[2 * j] += dz * x[2 * n];
                dw1[2 * j + 1] += dz * x[2 * n + 1];
            }
        }
        Close.Value(expectedLoss, loss, Tolerance, "loss");
        Close.Arrays([dw1, dw2], gradients, Tolerance, "gradients");
    }

    [TorchFact]
    public void Every_activation_and_loss_with_per_layer_bias_matches_the_double_reference_in_float32()
    {
        var cases = EveryActivationAndLoss();

        var results = TorchOracle.LossAndGradients(cases);

        for (var i = 0; i < cases.Count; i++)
        {
            var (loss, gradients) = Reference(cases[i]);
            Close.Value(loss, results[i].Loss, Tolerance, Name(cases[i]) + " loss");
            Close.Arrays(gradients, results[i].Gradients, Tolerance, Name(cases[i]) + " gradients");
        }
    }

    [TorchFact]
    public void Every_activation_and_loss_in_float64_matches_the_double_reference_to_rounding()
    {
        var cases = EveryActivationAndLoss();

        var results = TorchOracle.LossAndGradientsInFloat64(cases);

        for (var i = 0; i < cases.Count; i++)
        {
            var (loss, gradients) = Reference(cases[i]);
            Close.Value(loss, results[i].Loss, 1e-12, Name(cases[i]) + " loss");
            Close.Arrays(gradients, results[i].Gradients, 1e-9, Name(cases[i]) + " gradients", floor: 1e-6);
        }
    }

    private static List<TorchCase> EveryActivationAndLoss()
    {
        var random = new System.Random(7);
        var cases = new List<TorchCase>();
        foreach (var activation in Enum.GetValues<Activation>())
            foreach (var loss in Enum.GetValues<LossKind>())
            {
                var model = new Mlp([3, 5, 4, 3], [true, false, true], activation, loss);
                OracleTargets targets = loss == LossKind.Mse ? Samples.Uniform(random, 6 * 3) : Samples.Labels(random, 6, 3);
                cases.Add(new TorchCase(model, Samples.Parameters(random, model), Samples.Uniform(random, 6 * 3, 2), [6, 3], targets));
            }
        return cases;
    }

    private static (double Loss, double[][] Gradients) Reference(TorchCase c) =>
        ReferenceMlp.LossAndGradients((Mlp)c.Model, Samples.Widen(c.Parameters), c.Inputs, c.Targets);

    private static string Name(TorchCase c) => $"{c.Model.Activation} {c.Model.Loss}";

    [TorchFact]
    public void The_double_reference_backward_pass_agrees_with_finite_differences()
    {
        var random = new System.Random(3);
        foreach (var activation in Enum.GetValues<Activation>())
        {
            var model = new Mlp([3, 4, 2], true, activation, LossKind.CrossEntropy);
            var parameters = Samples.Widen(Samples.Parameters(random, model));
            var inputs = Samples.Uniform(random, 5 * 3, 2);
            OracleTargets labels = Samples.Labels(random, 5, 2);
            var analytic = ReferenceMlp.LossAndGradients(model, parameters, inputs, labels).Gradients;
            var numeric = FiniteDifferences.Gradient(p => ReferenceMlp.LossAndGradients(model, p, inputs, labels).Loss, parameters);
            for (var p = 0; p < analytic.Length; p++)
                for (var j = 0; j < analytic[p].Length; j++)
                    Assert.True(Math.Abs(analytic[p][j] - numeric[p][j]) < 1e-8, $"{activation} parameter {p}[{j}]");
        }
    }
}
