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

    public Evaluation Evaluate(int step, ExperimentData data)
    {
        using var _ = GradMode.Disable();
        var (trainLoss, trainAccuracy) = Measure(data.Train);
        var (testLoss, testAccuracy) = Measure(data.Test);
        return new Evaluation(step, trainLoss, testLoss, trainAccuracy, testAccuracy);
    }

    private (double Loss, double? Accuracy) Measure(Dataset data)
    {
        if (data.Count == 0) return (double.NaN, null);
        using var memory = StepMemory.Begin();
        var output = model.Forward(data.Inputs);
        double loss = Training.Losses.Loss.For(output, data.Targets, data.Labels).ToScalar();
        if (data.Labels is not { } labels) return (loss, null);
        int classes = output.Dim(1), correct = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = output.Data.AsSpan(i * classes, classes);
            int best = 0;
            for (int c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
            if (best == labels[i]) correct++;
        }
        return (loss, (double)correct / labels.Length);
    }
}
