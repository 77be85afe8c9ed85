using TopoDsl.Training.Tests.Oracles.Reference;

namespace TopoDsl.Training.Tests.Oracles;

public class CrossEntropyOracleTests
{
    [TorchFact]
    public void Linear_softmax_regression_matches_the_closed_form_gradient()
    {
        const int n = 5, features = 3, classes = 4;
        var random = new System.Random(11);
        var model = new Mlp([features, classes], bias: true, Activation.Relu, LossKind.CrossEntropy);
        var weight = Samples.Uniform(random, classes * features, 2);
        var bias = Samples.Uniform(random, classes);
        var x = Samples.Uniform(random, n * features, 3);
        int[] labels = [0, 3, 1, 3, 2];

        var (loss, gradients) = TorchOracle.LossAndGradients(model, [weight, bias], x, [n, features], labels);

        var expectedLoss = 0.0;
        var dWeight = new double[classes * features];
        var dBias = new double[classes];
        for (var i = 0; i < n; i++)
        {
            var logits = new double[1, classes];
            for (var c = 0; c < classes; c++)
            {
                logits[0, c] = bias[c];
                for (var f = 0; f < features; f++) logits[0, c] += (double)weight[c * features + f] * x[i * features + f];
            }
            var p = ReferenceLoss.Softmax(logits, 0);
            expectedLoss -= Math.Log(p[labels[i]]) / n;
            for (var c = 0; c < classes; c++)
            {
                var residual = (p[c] - (c == labels[i] ? 1 : 0)) / n;
                dBias[c] += residual;
                for (var f = 0; f < features; f++) dWeight[c * features + f] += residual * x[i * features + f];
            }
        }
        Close.Value(expectedLoss, loss, 1e-6, "loss");
        Close.Arrays([dWeight, dBias], gradients, 1e-5, "gradients");
    }
}
