using TopoDsl.Training.Modules;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Loop;

/// <summary>
/// Runs the loss, backward and the optimizer for each batch, stopping on a non-finite loss, and calls
/// <see cref="OnStep"/> after every update (for instrumentation: neuron clouds, sharpness, logs).
/// </summary>
public sealed class Trainer(Module model, IOptimizer optimizer, IReadOnlyList<ParameterSlot> parameters)
{
    /// <summary>Called after every optimizer step; returning false stops the run.</summary>
    public Func<TrainingStep, bool>? OnStep { get; set; }

    public IProgress<TrainingStep>? Progress { get; set; }

    /// <summary>Steps taken so far (the optimizer's step count; the next step is Steps + 1).</summary>
    public int Steps { get; private set; }

    /// <summary>Continues a run restored from a checkpoint taken after <paramref name="steps"/> steps (the optimizer's next step is steps + 1).</summary>
    public void ResumeAfter(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        Steps = steps;
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs of <paramref name="batchesPerEpoch"/> batches;
    /// <paramref name="batchLoss"/>(epoch, batch) returns the scalar loss of that batch under the current weights.
    /// </summary>
    public void Run(int epochs, int batchesPerEpoch, Func<int, int, Tensor> batchLoss, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchesPerEpoch);
        for (int epoch = 0; epoch < epochs; epoch++)
            for (int batch = 0; batch < batchesPerEpoch; batch++)
            {
                cancellation.ThrowIfCancellationRequested();
                var step = Step(() => batchLoss(epoch, batch), epoch, batch, batchesPerEpoch);
                Progress?.Report(step);
                if (OnStep is not null && !OnStep(step)) return;
            }
    }

    /// <summary>Trains on <paramref name="batches"/> for <paramref name="epochs"/> epochs; <paramref name="loss"/> maps a batch to its scalar loss.</summary>
    public void Run(Data.MiniBatches batches, int epochs, Func<Data.Batch, Tensor> loss, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int index = 0;
            foreach (var batch in batches.Epoch(epoch))
            {
                cancellation.ThrowIfCancellationRequested();
                var step = Step(() => loss(batch), epoch, index++, batches.BatchesPerEpoch);
                Progress?.Report(step);
                if (OnStep is not null && !OnStep(step)) return;
            }
        }
    }

    /// <summary>
    /// Recycle the storage of the step's intermediate tensors (activations, their gradients) for the next step
    /// (<see cref="StepMemory"/>). On by default: it saves a page fault per fresh page. Turn it off if the loss
    /// function keeps intermediate tensors for use after the step without cloning them.
    /// </summary>
    public bool RecycleStepMemory { get; set; } = true;

    /// <summary>One update from the loss <paramref name="loss"/> computes; throws <see cref="TrainingDivergedException"/> on a non-finite loss.</summary>
    public TrainingStep Step(Func<Tensor> loss, int epoch = 0, int batch = 0, int batchesPerEpoch = 1)
    {
        using var memory = RecycleStepMemory ? StepMemory.Begin() : null;
        model.ZeroGrad();
        var value = loss();
        var step = new TrainingStep(epoch, Steps + 1, batch, batchesPerEpoch, value.ToScalar());
        if (!double.IsFinite(step.Loss)) throw new TrainingDivergedException(step);
        value.Backward();
        optimizer.Step(parameters, ++Steps);
        return step;
    }
}
