using TopoDsl.Experiments.Definitions;
using TopoDsl.Training.Autodiff;
using TopoDsl.Training.Data;
using TopoDsl.Training.Losses;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Experiments.Running;

/// <summary>The loss of a network on data: cross-entropy for classification, mean squared error otherwise.</summary>
internal sealed class Evaluator(Module model)
{
    public Tensor Loss(Tensor inputs, Tensor targets, int[]? labels) => Training.Losses.Loss.For(model.Forward(inputs), targets, labels);

    public Tensor Loss(Dataset data) => Loss(data.Inputs, data.Targets, data.Labels);

    /// <summary>The test set's loss and accuracy, and the training set's when <paramref name="withTrain"/>.</summary>
    public Evaluation Evaluate(int step, ExperimentData data, bool withTrain)
    {
        using var _ = GradMode.Disable();
        double? trainLoss = null, trainAccuracy = null;
        if (withTrain) (trainLoss, trainAccuracy) = Measure(data.Train);
        var (testLoss, testAccuracy) = Measure(data.Test);
        return new Evaluation(step, trainLoss, testLoss, trainAccuracy, testAccuracy);
    }

    /// <summary>
    /// The set's mean loss and accuracy, in chunks of <see cref="ChunkRows"/> samples: a whole set at once would hold its
    /// hidden activations in memory (a 60,000-sample set through 1024 neurons: 245 MB), and chunks stay in cache.
    /// </summary>
    private (double Loss, double? Accuracy) Measure(Dataset data)
    {
        if (data.Count == 0) return (double.NaN, null);
        double lossSum = 0;
        int correct = 0;
        foreach (var chunk in Chunks(data).Epoch(0))
        {
            using var memory = StepMemory.Begin();
            var output = model.Forward(chunk.Inputs);
            lossSum += Training.Losses.Loss.For(output, chunk.Targets, chunk.Labels).ToScalar() * chunk.Count;
            if (chunk.Labels is { } labels) correct += Correct(output, labels);
        }
        return (lossSum / data.Count, data.Labels is null ? null : (double)correct / data.Count);
    }

    private const int ChunkRows = 256;

    // One per data set (the train and the test set): their order and batch buffers are made once, not at every checkpoint.
    private readonly Dictionary<Dataset, MiniBatches> _chunks = [];

    /// <summary>The set in order, <see cref="ChunkRows"/> samples at a time; a set that small as itself, without a copy.</summary>
    private MiniBatches Chunks(Dataset data)
    {
        if (!_chunks.TryGetValue(data, out var chunks))
            _chunks[data] = chunks = data.Count <= ChunkRows ? MiniBatches.FullBatch(data) : new MiniBatches(data, ChunkRows, seed: 0, shuffle: false);
        return chunks;
    }

    private static int Correct(Tensor output, int[] labels)
    {
        int classes = output.Dim(1), correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = output.Data.AsSpan(i * classes, classes);
            int best = 0;
            for (int c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
            if (best == labels[i]) correct++;
        }
        return correct;
    }
}
