using TopoDsl.Training.Losses;
using TopoDsl.Training.Loop;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Optimizers;

public sealed class StepMemoryTests
{
    [Fact]
    public void Recycling_step_memory_does_not_change_a_single_bit_of_training()
    {
        float[] Train(bool recycle)
        {
            var rng = new Rng(5);
            var x = Tensor.Zeros(64, 3);
            for (int i = 0; i < x.Count; i++) x.Data[i] = (float)rng.Normal();
            var y = (x.Sum(1).Reshape(64, 1) * 0.5f).Detach();
            var model = Mlp.Create([3, 48, 32, 1], ActivationKind.Sigmoid, bias: true, seed: 7);   // activations past the pooling threshold
            var trainer = new Trainer(model, new Sgd(0.05f), ParameterSlots.For(model)) { RecycleStepMemory = recycle };
            trainer.Run(epochs: 30, batchesPerEpoch: 1, (_, _) => Loss.MeanSquaredError(model.Forward(x), y));
            return model.NamedParameters().SelectMany(p => p.Value.Data.ToArray()).ToArray();
        }

        var recycled = Train(recycle: true);
        var fresh = Train(recycle: false);
        Assert.Equal(fresh, recycled);
    }

    [Fact]
    public void Inside_a_scope_the_next_step_gets_the_previous_steps_buffers_back()
    {
        var x = Tensor.Zeros(64, 32);
        float[] first, second;
        using (StepMemory.Begin()) first = StorageOf(x.Sigmoid());
        using (StepMemory.Begin()) second = StorageOf(x.Sigmoid());
        Assert.Same(first, second);
        Assert.NotSame(StorageOf(x.Sigmoid()), StorageOf(x.Sigmoid()));   // outside a scope nothing is pooled
    }

    [Fact]
    public void Nested_scopes_return_only_their_own_buffers()
    {
        var x = Tensor.Zeros(64, 32);
        using var outer = StepMemory.Begin();
        var kept = x.Tanh();
        var keptStorage = StorageOf(kept);
        float[] inner;
        using (StepMemory.Begin()) inner = StorageOf(x.Tanh());
        Assert.NotSame(keptStorage, inner);
        using (StepMemory.Begin()) Assert.Same(inner, StorageOf(x.Tanh()));   // the inner buffer came back; the outer one did not
    }

    private static float[] StorageOf(Tensor t) => t.Data;
}
