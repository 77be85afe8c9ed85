using TopoDsl.Landscape.Slices;
using TopoDsl.Training;
using TopoDsl.Training.Data;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Landscape.Tests.Slices;

public class LossSlicerTests
{
    /// <summary>The same network, hidden behind a module that is not a Sequential: the slicer must move every layer.</summary>
    private sealed class Opaque(Module inner) : Module
    {
        public override Tensor Forward(Tensor input) => inner.Forward(input);
        public override IEnumerable<(string Name, Tensor Value)> NamedParameters() => inner.NamedParameters();
    }

    private static Dataset Classification(int count, int features, int classes, ulong seed)
    {
        var rng = new Rng(seed);
        var inputs = Enumerable.Range(0, count * features).Select(_ => (float)rng.Normal()).ToArray();
        var labels = Enumerable.Range(0, count).Select(_ => rng.NextInt(classes)).ToArray();
        return new Dataset(new Tensor(inputs, count, features), labels, classes);
    }

    private static readonly SliceOptions Small = new() { Resolution = 7, ChunkRows = 64 };

    [Theory]
    [InlineData(ActivationKind.Relu, true)]
    [InlineData(ActivationKind.Sigmoid, false)]
    public void The_first_layer_split_gives_the_losses_of_moving_every_weight(ActivationKind activation, bool bias)
    {
        var model = Mlp.Create([12, 16, 8, 3], activation, bias, seed: 4);
        var data = Classification(150, 12, 3, seed: 5);
        var d1 = FilterNormalizedDirection.Draw(model, 1);
        var d2 = FilterNormalizedDirection.Draw(model, 2);

        var split = LossSlicer.Compute(model, data, d1, d2, Small);
        var direct = LossSlicer.Compute(new Opaque(model), data, d1, d2, Small);

        Assert.Equal(49, split.Losses.Count);
        for (int k = 0; k < split.Losses.Count; k++)
            Assert.True(Math.Abs(split.Losses[k] - direct.Losses[k]) <= 1e-5 * Math.Max(1, direct.Losses[k]), $"point {k}: {split.Losses[k]} against {direct.Losses[k]}");
        Assert.True(split.Losses.Max() - split.Losses.Min() > 0.05, "the losses must vary over the grid, or agreeing would prove little");
    }

    [Fact]
    public void The_centre_of_the_grid_is_the_network_itself_and_its_parameters_are_put_back()
    {
        var model = Mlp.Create([5, 9, 1], ActivationKind.Tanh, true, seed: 8);
        var rng = new Rng(3);
        var data = new Dataset(new Tensor(Enumerable.Range(0, 200).Select(_ => (float)rng.Normal()).ToArray(), 40, 5),
            new Tensor(Enumerable.Range(0, 40).Select(_ => (float)rng.Normal()).ToArray(), 40, 1));
        var before = model.Parameters().Select(p => (float[])p.Data.Clone()).ToList();
        double own = Training.Losses.Loss.For(model.Forward(data.Inputs), data.Targets, null).ToScalar();

        var slice = LossSlicer.Compute(model, data, FilterNormalizedDirection.Draw(model, 1), FilterNormalizedDirection.Draw(model, 2), Small);

        Assert.Equal(own, slice.At(3, 3), 1e-5);
        Assert.All(model.Parameters().Zip(before), pair => Assert.Equal(pair.Second, pair.First.Data));
        Assert.Equal(-1, slice.Alphas[0]);
        Assert.Equal(1, slice.Betas[^1]);
    }

    [Fact]
    public void Rows_computed_one_at_a_time_are_the_slice_to_the_bit()
    {
        var model = Mlp.Create([12, 16, 3], ActivationKind.Relu, true, seed: 4);
        var data = Classification(150, 12, 3, seed: 5);
        var d1 = FilterNormalizedDirection.Draw(model, 1);
        var d2 = FilterNormalizedDirection.Draw(model, 2);

        var whole = LossSlicer.Compute(model, data, d1, d2, Small);
        var rows = Enumerable.Range(0, Small.Resolution).SelectMany(r => LossSlicer.ComputeRows(model, data, d1, d2, Small, r, r + 1)).ToArray();

        Assert.Equal(whole.Losses, LossSlicer.Assemble(Small, rows).Losses);
        Assert.Throws<ArgumentOutOfRangeException>(() => LossSlicer.ComputeRows(model, data, d1, d2, Small, 3, 3));
    }

    [Fact]
    public void Three_copies_of_the_network_give_the_slice_of_one_to_the_bit_and_strangers_are_refused()
    {
        var copies = Enumerable.Range(0, 3).Select(_ => Mlp.Create([12, 16, 3], ActivationKind.Relu, true, seed: 4)).ToList();
        var data = Classification(150, 12, 3, seed: 5);
        var d1 = FilterNormalizedDirection.Draw(copies[0], 1);
        var d2 = FilterNormalizedDirection.Draw(copies[0], 2);

        var one = LossSlicer.Compute(copies[0], data, d1, d2, Small);
        var three = LossSlicer.Compute(copies, data, d1, d2, Small);

        Assert.Equal(one.Losses, three.Losses);
        var stranger = Mlp.Create([12, 16, 3], ActivationKind.Relu, true, seed: 5);
        Assert.Contains("worker 1 holds other parameters", Assert.Throws<ArgumentException>(() => LossSlicer.Compute([copies[0], stranger], data, d1, d2, Small)).Message);
        Assert.Contains("appears twice", Assert.Throws<ArgumentException>(() => LossSlicer.Compute([copies[0], copies[0]], data, d1, d2, Small)).Message);
    }

    [Fact]
    public void A_cancelled_slice_puts_the_parameters_back_too()
    {
        var model = Mlp.Create([4, 6, 2], ActivationKind.Relu, true, seed: 5);
        var data = Classification(300, 4, 2, seed: 6);
        var before = model.Parameters().Select(p => (float[])p.Data.Clone()).ToList();
        using var cancel = new CancellationTokenSource();
        int reports = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => LossSlicer.Compute(model, data, FilterNormalizedDirection.Draw(model, 1),
            FilterNormalizedDirection.Draw(model, 2), Small, new CallbackProgress(_ => { if (++reports == 2) cancel.Cancel(); }), cancel.Token));

        Assert.Equal(2, reports);
        Assert.All(model.Parameters().Zip(before), pair => Assert.Equal(pair.Second, pair.First.Data));
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class CallbackProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    [Fact]
    public void Filter_normalised_directions_match_each_rows_norm_and_leave_biases_alone()
    {
        var model = Mlp.Create([6, 10, 4], ActivationKind.Relu, true, seed: 2);

        var direction = FilterNormalizedDirection.Draw(model, 9);

        var parameters = model.Parameters().ToList();
        for (int p = 0; p < parameters.Count; p++)
        {
            if (parameters[p].Rank == 1)
            {
                Assert.All(direction[p], x => Assert.Equal(0f, x));
                continue;
            }
            int rows = parameters[p].Dim(0), size = parameters[p].Count / rows;
            for (int r = 0; r < rows; r++)
            {
                double weightNorm = Math.Sqrt(parameters[p].Data.Skip(r * size).Take(size).Sum(x => (double)x * x));
                double directionNorm = Math.Sqrt(direction[p].Skip(r * size).Take(size).Sum(x => (double)x * x));
                Assert.Equal(weightNorm, directionNorm, 1e-5);
            }
        }
    }

    [Fact]
    public void A_direction_that_does_not_fit_the_network_is_refused_by_part()
    {
        var model = Mlp.Create([3, 4, 1], ActivationKind.Relu, true, seed: 1);
        var data = Classification(10, 3, 2, seed: 1);
        var good = FilterNormalizedDirection.Draw(model, 1);
        var bad = good.Select(p => p).ToArray();
        bad[2] = new float[3];

        var error = Assert.Throws<ArgumentException>(() => LossSlicer.Compute(model, data, good, bad, Small));

        Assert.Contains("part 2 of the second direction has 3 values; parameter 2 has 4", error.Message);
    }
}
