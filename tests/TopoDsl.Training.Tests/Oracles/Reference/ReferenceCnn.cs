namespace TopoDsl.Training.Tests.Oracles.Reference;

/// <summary>A plain double-precision forward pass of a <see cref="SmallCnn"/> (gradients come from finite differences).</summary>
internal static class ReferenceCnn
{
    public static double Loss(SmallCnn model, double[][] parameters, float[] inputs, OracleTargets targets)
    {
        var n = inputs.Length / (model.InChannels * model.Height * model.Width);
        var next = 0;
        var kernel = parameters[next++];
        var convBias = model.Conv.Bias ? parameters[next++] : null;
        var linear = parameters[next++];
        var linearBias = model.LinearBias ? parameters[next] : null;
        var outputs = new double[n, model.Outputs];
        for (var i = 0; i < n; i++)
        {
            var features = Pool(model, Activate(model, Convolve(model, inputs, i, kernel, convBias)));
            for (var o = 0; o < model.Outputs; o++)
            {
                var sum = linearBias?[o] ?? 0;
                for (var f = 0; f < features.Length; f++) sum += linear[o * features.Length + f] * features[f];
                outputs[i, o] = sum;
            }
        }
        return ReferenceLoss.Evaluate(model.Loss, outputs, targets).Loss;
    }

    private static double[,,] Convolve(SmallCnn model, float[] inputs, int sample, double[] kernel, double[]? bias)
    {
        int c = model.InChannels, h = model.Height, w = model.Width, k = model.Conv.Kernel;
        var y = new double[model.Conv.OutChannels, model.ConvHeight, model.ConvWidth];
        for (var o = 0; o < model.Conv.OutChannels; o++)
            for (var r = 0; r < model.ConvHeight; r++)
                for (var s = 0; s < model.ConvWidth; s++)
                {
                    var sum = bias?[o] ?? 0;
                    for (var ch = 0; ch < c; ch++)
                        for (var dr = 0; dr < k; dr++)
                            for (var ds = 0; ds < k; ds++)
                            {
                                int row = r * model.Conv.Stride + dr - model.Conv.Padding, col = s * model.Conv.Stride + ds - model.Conv.Padding;
                                if (row < 0 || row >= h || col < 0 || col >= w) continue;
                                sum += kernel[((o * c + ch) * k + dr) * k + ds] * inputs[((sample * c + ch) * h + row) * w + col];
                            }
                    y[o, r, s] = sum;
                }
        return y;
    }

    private static double[,,] Activate(SmallCnn model, double[,,] x)
    {
        var y = new double[x.GetLength(0), x.GetLength(1), x.GetLength(2)];
        for (var a = 0; a < x.GetLength(0); a++)
            for (var b = 0; b < x.GetLength(1); b++)
                for (var c = 0; c < x.GetLength(2); c++) y[a, b, c] = ReferenceActivation.Apply(model.Activation, x[a, b, c]);
        return y;
    }

    /// <summary>Pools and flattens in [channel, row, column] order, like torch's Flatten.</summary>
    private static double[] Pool(SmallCnn model, double[,,] x)
    {
        var features = new List<double>();
        for (var ch = 0; ch < x.GetLength(0); ch++)
            for (var r = 0; r < model.PooledHeight; r++)
                for (var s = 0; s < model.PooledWidth; s++)
                {
                    var window = new List<double>();
                    for (var dr = 0; dr < model.Pool.Kernel; dr++)
                        for (var ds = 0; ds < model.Pool.Kernel; ds++)
                            window.Add(x[ch, r * model.Pool.Stride + dr, s * model.Pool.Stride + ds]);
                    features.Add(model.Pool.Kind == PoolKind.Max ? window.Max() : window.Average());
                }
        return features.ToArray();
    }
}
