namespace TopoDsl.Training.Tests.Oracles.Reference;

/// <summary>A plain double-precision forward and backward pass of an <see cref="Mlp"/>.</summary>
internal static class ReferenceMlp
{
    public static (double Loss, double[][] Gradients) LossAndGradients(Mlp model, double[][] parameters, float[] inputs, OracleTargets targets)
    {
        var n = inputs.Length / model.Widths[0];
        var (weights, biases) = Unpack(model, parameters);
        var activations = new double[model.Layers + 1][,];
        var preActivations = new double[model.Layers][,];
        activations[0] = new double[n, model.Widths[0]];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < model.Widths[0]; j++) activations[0][i, j] = inputs[i * model.Widths[0] + j];
        for (var l = 0; l < model.Layers; l++)
        {
            preActivations[l] = Affine(activations[l], weights[l], biases[l], model.Widths[l], model.Widths[l + 1]);
            activations[l + 1] = l == model.Layers - 1 ? preActivations[l] : Map(preActivations[l], x => ReferenceActivation.Apply(model.Activation, x));
        }
        var (loss, delta) = ReferenceLoss.Evaluate(model.Loss, activations[^1], targets);
        var weightGradients = new double[model.Layers][];
        var biasGradients = new double[model.Layers][];
        for (var l = model.Layers - 1; l >= 0; l--)
        {
            int fanIn = model.Widths[l], fanOut = model.Widths[l + 1];
            if (l < model.Layers - 1)
                for (var i = 0; i < n; i++)
                    for (var o = 0; o < fanOut; o++) delta[i, o] *= ReferenceActivation.Derivative(model.Activation, preActivations[l][i, o]);
            weightGradients[l] = new double[fanOut * fanIn];
            biasGradients[l] = new double[fanOut];
            var below = new double[n, fanIn];
            for (var i = 0; i < n; i++)
                for (var o = 0; o < fanOut; o++)
                {
                    biasGradients[l][o] += delta[i, o];
                    for (var k = 0; k < fanIn; k++)
                    {
                        weightGradients[l][o * fanIn + k] += delta[i, o] * activations[l][i, k];
                        below[i, k] += delta[i, o] * weights[l][o * fanIn + k];
                    }
                }
            delta = below;
        }
        var gradients = new List<double[]>();
        for (var l = 0; l < model.Layers; l++)
        {
            gradients.Add(weightGradients[l]);
            if (model.Bias[l]) gradients.Add(biasGradients[l]);
        }
        return (loss, gradients.ToArray());
    }

    private static (double[][] Weights, double[]?[] Biases) Unpack(Mlp model, double[][] parameters)
    {
        var weights = new double[model.Layers][];
        var biases = new double[]?[model.Layers];
        var next = 0;
        for (var l = 0; l < model.Layers; l++)
        {
            weights[l] = parameters[next++];
            if (model.Bias[l]) biases[l] = parameters[next++];
        }
        return (weights, biases);
    }

    private static double[,] Affine(double[,] x, double[] weight, double[]? bias, int fanIn, int fanOut)
    {
        var n = x.GetLength(0);
        var y = new double[n, fanOut];
        for (var i = 0; i < n; i++)
            for (var o = 0; o < fanOut; o++)
            {
                var sum = bias?[o] ?? 0;
                for (var k = 0; k < fanIn; k++) sum += weight[o * fanIn + k] * x[i, k];
                y[i, o] = sum;
            }
        return y;
    }

    private static double[,] Map(double[,] x, Func<double, double> f)
    {
        var y = new double[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < x.GetLength(0); i++)
            for (var j = 0; j < x.GetLength(1); j++) y[i, j] = f(x[i, j]);
        return y;
    }
}
