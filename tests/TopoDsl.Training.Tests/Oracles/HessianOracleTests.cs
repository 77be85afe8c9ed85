using TopoDsl.Training.Tests.Oracles.Reference;

namespace TopoDsl.Training.Tests.Oracles;

public class HessianOracleTests
{
    private const int Iterations = 5000;

    [TorchFact]
    public void Linear_mse_model_has_the_top_eigenvalue_of_two_over_n_out_times_the_augmented_gram_matrix()
    {
        const int n = 6, features = 3, outputs = 2;
        var random = new System.Random(21);
        var model = new Mlp([features, outputs], bias: true, Activation.Tanh, LossKind.Mse);
        var x = Samples.Uniform(random, n * features, 2);
        var gram = new double[features + 1, features + 1];
        for (var i = 0; i < n; i++)
            for (var a = 0; a <= features; a++)
                for (var b = 0; b <= features; b++)
                    gram[a, b] += Augmented(x, i, a, features) * Augmented(x, i, b, features) * 2.0 / (n * outputs);

        var result = TorchOracle.HessianPowerIteration(model, Samples.Parameters(random, model), x, [n, features],
            Samples.Uniform(random, n * outputs), Iterations, seed: 1);

        Close.Value(ReferenceEigen.LargestMagnitude(gram), result.Eigenvalue, 1e-8, "top eigenvalue");
        AssertConverged(result);
    }

    [TorchFact]
    public void Linear_cross_entropy_model_matches_the_exact_softmax_hessian()
    {
        const int n = 5, features = 3, classes = 3;
        var random = new System.Random(22);
        var model = new Mlp([features, classes], bias: true, Activation.Tanh, LossKind.CrossEntropy);
        var parameters = Samples.Parameters(random, model);
        var x = Samples.Uniform(random, n * features, 2);
        var size = classes * (features + 1);
        var hessian = new double[size, size];
        for (var i = 0; i < n; i++)
        {
            var logits = new double[1, classes];
            for (var c = 0; c < classes; c++)
                for (var f = 0; f <= features; f++)
                    logits[0, c] += (f < features ? parameters[0][c * features + f] : parameters[1][c]) * Augmented(x, i, f, features);
            var p = ReferenceLoss.Softmax(logits, 0);
            for (var c = 0; c < classes; c++)
                for (var d = 0; d < classes; d++)
                    for (var f = 0; f <= features; f++)
                        for (var g = 0; g <= features; g++)
                            hessian[c * (features + 1) + f, d * (features + 1) + g] +=
                                ((c == d ? p[c] : 0) - p[c] * p[d]) * Augmented(x, i, f, features) * Augmented(x, i, g, features) / n;
        }

        var result = TorchOracle.HessianPowerIteration(model, parameters, x, [n, features], Samples.Labels(random, n, classes), Iterations, seed: 2);

        Close.Value(ReferenceEigen.LargestMagnitude(hessian), result.Eigenvalue, 1e-8, "top eigenvalue");
        AssertConverged(result);
    }

    [TorchFact]
    public void A_dominant_negative_eigenvalue_of_a_tanh_mlp_is_found_with_its_sign()
    {
        var random = new System.Random(24);
        var model = new Mlp([2, 3, 1], bias: false, Activation.Tanh, LossKind.Mse);
        var parameters = Samples.Parameters(random, model, scale: 3);
        var x = Samples.Uniform(random, 4 * 2, 2);
        var targets = Enumerable.Repeat(8f, 4).ToArray();
        var exact = FiniteDifferences.Hessian(
            p => Samples.Flatten(ReferenceMlp.LossAndGradients(model, p, x, targets).Gradients), Samples.Widen(parameters));
        var eigenvalues = ReferenceEigen.All(exact);
        Assert.True(-eigenvalues[0] > 1.2 * eigenvalues[^1], $"precondition: a dominant negative eigenvalue ({string.Join(", ", eigenvalues)})");

        var result = TorchOracle.HessianPowerIteration(model, parameters, x, [4, 2], targets, Iterations, seed: 3);

        Close.Value(eigenvalues[0], result.Eigenvalue, 1e-6, "top eigenvalue");
        AssertConverged(result);
    }

    [TorchFact]
    public void Small_cnn_matches_a_finite_difference_hessian()
    {
        var random = new System.Random(24);
        var model = new SmallCnn(1, 4, 4, new Conv2dSpec(2, 2), Activation.Softplus, new Pool2dSpec(PoolKind.Avg, 2, 1),
            Outputs: 2, LinearBias: true, LossKind.CrossEntropy);
        var parameters = Samples.Parameters(random, model);
        var x = Samples.Uniform(random, 3 * 16, 2);
        OracleTargets labels = Samples.Labels(random, 3, 2);
        var exact = SecondDifferences(p => ReferenceCnn.Loss(model, p, x, labels), Samples.Widen(parameters));

        var result = TorchOracle.HessianPowerIteration(model, parameters, x, [3, 1, 4, 4], labels, Iterations, seed: 4);

        Close.Value(ReferenceEigen.LargestMagnitude(exact), result.Eigenvalue, 1e-5, "top eigenvalue");
        AssertConverged(result);
    }

    private static double Augmented(float[] x, int sample, int feature, int features) =>
        feature < features ? x[sample * features + feature] : 1;

    private static void AssertConverged(HessianEigenvalue result)
    {
        Assert.InRange(result.Iterations, 2, Iterations);
        Assert.True(result.RelativeChange <= TorchOracle.DefaultTolerance, $"relative change {result.RelativeChange:E2}");
    }

    private static double[,] SecondDifferences(Func<double[][], double> loss, double[][] at)
    {
        const double step = 1e-4;
        var flat = Samples.Flatten(at);
        double At(int i, double di, int j, double dj)
        {
            var shifted = (double[])flat.Clone();
            shifted[i] += di;
            shifted[j] += dj;
            var offset = 0;
            return loss(at.Select(p => shifted.AsSpan((offset += p.Length) - p.Length, p.Length).ToArray()).ToArray());
        }
        var hessian = new double[flat.Length, flat.Length];
        for (var i = 0; i < flat.Length; i++)
            for (var j = 0; j <= i; j++)
                hessian[i, j] = hessian[j, i] =
                    (At(i, step, j, step) - At(i, step, j, -step) - At(i, -step, j, step) + At(i, -step, j, -step)) / (4 * step * step);
        return hessian;
    }
}
