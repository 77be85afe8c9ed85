using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Losses;

/// <summary>Losses with mean reduction, as PyTorch's defaults (F.mse_loss, F.cross_entropy).</summary>
public static class Loss
{
    /// <summary>The loss of a data set's samples: cross-entropy when they carry class labels, mean squared error otherwise.</summary>
    public static Tensor For(Tensor prediction, Tensor targets, int[]? labels) =>
        labels is not null ? CrossEntropy(prediction, labels) : MeanSquaredError(prediction, targets);

    /// <summary>
    /// The loss of <see cref="For"/> as a number, recording no graph and making no tensors: for evaluating a network at
    /// many points (a landscape slice). Sums run in double, so it differs from For(...).ToScalar() by float rounding only.
    /// </summary>
    public static double MeanValue(Tensor prediction, Tensor targets, int[]? labels)
    {
        if (labels is null)
        {
            if (!Shapes.Equal(prediction.Shape, targets.Shape))
                throw new ShapeMismatchException($"MeanSquaredError: prediction {Shapes.Format(prediction.Shape)} and target {Shapes.Format(targets.Shape)} differ");
            double squares = 0;
            for (int k = 0; k < prediction.Count; k++)
            {
                double difference = prediction.Data[k] - targets.Data[k];
                squares += difference * difference;
            }
            return squares / prediction.Count;
        }
        if (prediction.Rank != 2 || labels.Length != prediction.Dim(0) || labels.Length == 0)
            throw new ShapeMismatchException($"CrossEntropy: logits {Shapes.Format(prediction.Shape)} for {labels.Length} labels; give [batch, classes] with one label per row");
        int classes = prediction.Dim(1);
        double total = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"label {labels[i]} at row {i} is outside [0, {classes})");
            var row = prediction.Data.AsSpan(i * classes, classes);
            float largest = System.Numerics.Tensors.TensorPrimitives.Max(row);
            double sum = 0;
            foreach (float x in row) sum += Math.Exp(x - largest);
            total += largest + Math.Log(sum) - row[labels[i]];
        }
        return total / labels.Length;
    }

    /// <summary>Mean over all elements of (prediction - target)^2.</summary>
    public static Tensor MeanSquaredError(Tensor prediction, Tensor target)
    {
        if (!Shapes.Equal(prediction.Shape, target.Shape))
            throw new ShapeMismatchException(
                $"MeanSquaredError: prediction {Shapes.Format(prediction.Shape)} and target {Shapes.Format(target.Shape)} differ (PyTorch would broadcast here, which is almost always a bug)");
        var difference = prediction - target;
        return (difference * difference).Mean();
    }

    /// <summary>Mean over the batch of -log softmax(logits)[label]: logits [n, classes], labels in [0, classes).</summary>
    public static Tensor CrossEntropy(Tensor logits, ReadOnlySpan<int> labels)
    {
        if (logits.Rank != 2)
            throw new ShapeMismatchException($"CrossEntropy: logits must be [batch, classes], not {Shapes.Format(logits.Shape)}");
        int n = logits.Dim(0), classes = logits.Dim(1);
        if (labels.Length != n)
            throw new ShapeMismatchException($"CrossEntropy: {labels.Length} labels for a batch of {n}");
        if (n == 0) throw new ShapeMismatchException("CrossEntropy of an empty batch");
        var pick = new float[n * classes];
        for (int i = 0; i < n; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), $"label {labels[i]} at row {i} is outside [0, {classes})");
            pick[i * classes + labels[i]] = -1f / n;
        }
        return (logits.LogSoftmax() * new Tensor(pick, n, classes)).Sum();
    }
}
