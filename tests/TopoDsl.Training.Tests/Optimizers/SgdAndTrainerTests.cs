using TopoDsl.Training.Losses;
using TopoDsl.Training.Loop;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Optimizers;

public class SgdAndTrainerTests
{
    private static (Tensor X, Tensor Y) Regression(int n)
    {
        var rng = new Rng(3);
        var x = Tensor.Zeros(n, 2);
        var y = Tensor.Zeros(n, 1);
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = (float)rng.Normal();
            x[i, 1] = (float)rng.Normal();
            y[i, 0] = (float)Math.Sin(x[i, 0]) + 0.5f * x[i, 1];
        }
        return (x, y);
    }

    [Fact]
    public void Sgd_subtracts_learning_rate_times_gradient()
    {
        var p = new Tensor([1f, -2f], 2) { RequiresGrad = true };
        (p * p).Sum().Backward(); // gradient 2p
        new Sgd(0.1f).Step([new ParameterSlot("p", p)], 1);
        Assert.Equal([0.8f, -1.6f], p.Data);
    }

    [Fact]
    public void A_parameter_without_a_gradient_reads_zeros_without_allocating_each_time()
    {
        var slot = new ParameterSlot("p", new Tensor([1f, -2f, 3f], 3) { RequiresGrad = true });
        Assert.Equal([0f, 0f, 0f], slot.Gradient.ToArray());
        _ = slot.Gradient.Length;
        long before = GC.GetAllocatedBytesForCurrentThread();
        float sum = 0;
        for (int i = 0; i < 10; i++) sum += slot.Gradient[i % 3];
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0f, sum);
        Assert.Equal(0, allocated);
        new Sgd(0.1f).Step([slot], 1);
        Assert.Equal([1f, -2f, 3f], slot.Values.ToArray());
    }

    [Fact]
    public void Training_lowers_the_loss_and_calls_back_every_step()
    {
        var (x, y) = Regression(64);
        var mlp = Mlp.Create([2, 16, 1], ActivationKind.Tanh, bias: true, seed: 2);
        var trainer = new Trainer(mlp, new Sgd(0.1f), ParameterSlots.For(mlp, HiddenLayerNeurons.Of(mlp)));
        var losses = new List<double>();
        trainer.OnStep = s => { losses.Add(s.Loss); return true; };
        trainer.Run(epochs: 200, batchesPerEpoch: 1, (_, _) => Loss.MeanSquaredError(mlp.Forward(x), y));
        Assert.Equal(200, losses.Count);
        Assert.Equal(200, trainer.Steps);
        Assert.True(losses[^1] < 0.25 * losses[0], $"loss went from {losses[0]} to {losses[^1]}");
    }

    [Fact]
    public void A_callback_returning_false_stops_the_run()
    {
        var (x, y) = Regression(8);
        var mlp = Mlp.Create([2, 4, 1], ActivationKind.Tanh, bias: true, seed: 2);
        var trainer = new Trainer(mlp, new Sgd(0.1f), ParameterSlots.For(mlp)) { OnStep = s => s.Step < 3 };
        trainer.Run(10, 5, (_, _) => Loss.MeanSquaredError(mlp.Forward(x), y));
        Assert.Equal(3, trainer.Steps);
    }

    [Fact]
    public void Divergence_stops_at_the_step_where_the_loss_stops_being_finite()
    {
        var (x, y) = Regression(32);
        var mlp = Mlp.Create([2, 32, 1], ActivationKind.Relu, bias: true, seed: 2);
        var trainer = new Trainer(mlp, new Sgd(50f), ParameterSlots.For(mlp));
        var seen = new List<double>();
        trainer.OnStep = s => { seen.Add(s.Loss); return true; };
        var e = Assert.Throws<TrainingDivergedException>(() =>
            trainer.Run(1000, 1, (_, _) => Loss.MeanSquaredError(mlp.Forward(x), y)));
        Assert.Equal(seen.Count + 1, e.At.Step);
        Assert.All(seen, l => Assert.True(double.IsFinite(l)));
        Assert.Contains($"step {e.At.Step}", e.Message);
    }
}
