namespace TopoDsl.Training.Tests.Oracles.Reference;

/// <summary>MSE (mean over all elements) and cross-entropy (mean over the batch) with their output gradients, in double.</summary>
internal static class ReferenceLoss
{
    /// <summary>Loss of outputs [N, out] and its gradient with respect to them.</summary>
    public static (double Loss, double[,] OutputGradient) Evaluate(LossKind kind, double[,] outputs, OracleTargets targets) =>
        kind == LossKind.Mse ? Mse(outputs, targets.Values!) : CrossEntropy(outputs, targets.Labels!);

    private static (double, double[,]) Mse(double[,] outputs, float[] targets)
    {
        int n = outputs.GetLength(0), m = outputs.GetLength(1);
        var gradient = new double[n, m];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++)
            {
                var residual = outputs[i, j] - targets[i * m + j];
                sum += residual * residual;
                gradient[i, j] = 2 * residual / (n * m);
            }
        return (sum / (n * m), gradient);
    }

    private static (double, double[,]) CrossEntropy(double[,] logits, int[] labels)
    {
        int n = logits.GetLength(0), classes = logits.GetLength(1);
        var gradient = new double[n, classes];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var probabilities = Softmax(logits, i);
            sum -= Math.Log(probabilities[labels[i]]);
            for (var c = 0; c < classes; c++) gradient[i, c] = (probabilities[c] - (c == labels[i] ? 1 : 0)) / n;
        }
        return (sum / n, gradient);
    }

    public static double[] Softmax(double[,] logits, int row)
    {
        var classes = logits.GetLength(1);
        var max = Enumerable.Range(0, classes).Max(c => logits[row, c]);
        var exps = Enumerable.Range(0, classes).Select(c => Math.Exp(logits[row, c] - max)).ToArray();
        var total = exps.Sum();
        return exps.Select(e => e / total).ToArray();
    }
}
