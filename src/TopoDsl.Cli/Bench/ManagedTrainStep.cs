using TopoDsl.Training;
using TopoDsl.Training.LinearAlgebra;
using TopoDsl.Training.Loop;
using TopoDsl.Training.Losses;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Cli.Bench;

/// <summary>Times TopoDsl's training step on a benchmark task.</summary>
internal static class ManagedTrainStep
{
    public static double Milliseconds(TrainBenchmarkTask task, int threads)
    {
        if (task.EffectiveBackend == GemmBackend.OpenBlas && !Gemm.OpenBlasAvailable)
            throw new UsageException($"task {task.Name} needs OpenBLAS (apt-get install libopenblas0-pthread); it could not be loaded");
        var (backend, previousThreads) = (Gemm.Backend, Gemm.Threads);
        Gemm.Backend = task.EffectiveBackend;
        Gemm.Threads = threads;
        try
        {
            var model = Mlp.Create(task.Widths, task.Activation, task.Bias, seed: 1);
            var (x, y) = RandomBatch(task);
            var trainer = new Trainer(model, new Sgd(1e-3f), ParameterSlots.For(model));
            return StepTiming.TrainingStep.MedianMilliseconds(() => trainer.Step(() => Loss.MeanSquaredError(model.Forward(x), y)));
        }
        finally
        {
            (Gemm.Backend, Gemm.Threads) = (backend, previousThreads);
        }
    }

    /// <summary>Inputs uniform in [0, 1); targets one-hot for a classifier-shaped output, normal otherwise.</summary>
    private static (Tensor X, Tensor Y) RandomBatch(TrainBenchmarkTask task)
    {
        var rng = new Rng(2);
        int inputs = task.Widths[0], outputs = task.Widths[^1];
        var x = Tensor.Zeros(task.Batch, inputs);
        for (int i = 0; i < x.Count; i++) x.Data[i] = (float)rng.NextDouble();
        var y = Tensor.Zeros(task.Batch, outputs);
        for (int n = 0; n < task.Batch; n++)
            if (outputs > 1) y[n, rng.NextInt(outputs)] = 1;
            else y[n, 0] = (float)rng.Normal();
        return (x, y);
    }
}
