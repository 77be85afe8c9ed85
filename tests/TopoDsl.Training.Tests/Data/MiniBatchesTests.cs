using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TopoDsl.Training.Data;

namespace TopoDsl.Training.Tests.Data;

public class MiniBatchesTests
{
    [Property(MaxTest = 200)]
    public Property Every_sample_appears_exactly_once_per_epoch(PositiveInt size, PositiveInt batch, ulong seed, byte epoch)
    {
        int n = 1 + size.Get % 200;
        int batchSize = 1 + batch.Get % 64;
        var batches = new MiniBatches(SmallData.Regression(n), batchSize, seed);
        var seen = new List<int>();
        int count = 0;
        foreach (var b in batches.Epoch(epoch))
        {
            count++;
            for (int r = 0; r < b.Count; r++)
            {
                Assert.Equal(b.Indices[r], SmallData.SampleOf(b.Inputs, r));
                Assert.Equal(-b.Indices[r], b.Targets.Data[r]);
            }
            seen.AddRange(b.Indices);
        }
        return (seen.Order().SequenceEqual(Enumerable.Range(0, n)) && count == batches.BatchesPerEpoch)
            .Label($"n={n} batch={batchSize} batches={count}");
    }

    [Fact]
    public void Drop_last_skips_the_short_batch()
    {
        var batches = new MiniBatches(SmallData.Regression(10), batchSize: 4, seed: 1, dropLast: true);
        var sizes = batches.Epoch(0).Select(b => b.Count).ToArray();
        Assert.Equal([4, 4], sizes);
        Assert.Equal(2, batches.BatchesPerEpoch);
    }

    [Fact]
    public void Without_drop_last_the_last_batch_is_shorter_and_shaped_to_fit()
    {
        var batches = new MiniBatches(SmallData.Classification(10), batchSize: 4, seed: 1);
        var shapes = batches.Epoch(0).Select(b => (b.Inputs.Shape.ToArray(), b.Targets.Dim(0), b.Labels!.Length)).ToArray();
        Assert.Equal(3, batches.BatchesPerEpoch);
        Assert.Equal([4, 2], shapes[0].Item1);
        Assert.Equal([2, 2], shapes[2].Item1);
        Assert.Equal((2, 2), (shapes[2].Item2, shapes[2].Item3));
    }

    [Fact]
    public void Labels_and_one_hot_targets_follow_the_gathered_samples()
    {
        var data = SmallData.Classification(30, classes: 3);
        foreach (var b in new MiniBatches(data, 7, seed: 5).Epoch(2))
            for (int r = 0; r < b.Count; r++)
            {
                Assert.Equal(b.Indices[r] % 3, b.Labels![r]);
                Assert.Equal(1f, b.Targets[r, b.Labels[r]]);
            }
    }

    [Fact]
    public void Epoch_orders_depend_only_on_seed_and_epoch()
    {
        var data = SmallData.Regression(50);
        var a = new MiniBatches(data, 8, seed: 42);
        var b = new MiniBatches(data, 8, seed: 42);
        var other = new MiniBatches(data, 8, seed: 43);
        int[] epoch3 = a.Order(3);
        _ = b.Order(0);
        Assert.Equal(epoch3, b.Order(3));
        Assert.Equal(epoch3, a.Epoch(3).SelectMany(x => x.Indices.ToArray()).ToArray());
        Assert.NotEqual(epoch3, a.Order(4));
        Assert.NotEqual(epoch3, other.Order(3));
        Assert.NotEqual(Enumerable.Range(0, 50).ToArray(), epoch3);
    }

    [Fact]
    public void Without_shuffle_samples_come_in_data_set_order()
    {
        var batches = new MiniBatches(SmallData.Regression(9), 4, seed: 3, shuffle: false);
        Assert.Equal(Enumerable.Range(0, 9), batches.Epoch(5).SelectMany(b => b.Indices.ToArray()));
    }

    [Fact]
    public void Batches_of_one_size_reuse_the_same_buffers()
    {
        var batches = new MiniBatches(SmallData.Regression(12), 4, seed: 3);
        var seen = batches.Epoch(0).Select(b => (Batch: b, b.Inputs.Data, FirstSample: b.Indices[0])).ToArray();
        Assert.All(seen, s => Assert.Same(seen[0].Batch, s.Batch));
        Assert.All(seen, s => Assert.Same(seen[0].Data, s.Data));
        Assert.Equal(3, seen.Select(s => s.FirstSample).Distinct().Count());
        Assert.Equal(seen[^1].FirstSample, seen[0].Batch.Indices[0]);
    }

    [Fact]
    public void Starting_another_epoch_invalidates_the_running_one()
    {
        var batches = new MiniBatches(SmallData.Regression(12), 4, seed: 3);
        using var first = batches.Epoch(0).GetEnumerator();
        Assert.True(first.MoveNext());
        using var second = batches.Epoch(1).GetEnumerator();
        Assert.True(second.MoveNext());
        Assert.Throws<InvalidOperationException>(() => first.MoveNext());
        Assert.True(second.MoveNext());
    }

    [Fact]
    public void Full_batch_mode_yields_the_whole_data_set_once_per_epoch_without_copying()
    {
        var data = SmallData.Classification(17);
        var batches = MiniBatches.FullBatch(data);
        Assert.True(batches.IsFullBatch);
        Assert.Equal(1, batches.BatchesPerEpoch);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            var only = Assert.Single(batches.Epoch(epoch));
            Assert.Same(data.Inputs, only.Inputs);
            Assert.Same(data.Targets, only.Targets);
            Assert.Same(data.Labels, only.Labels);
            Assert.Equal(Enumerable.Range(0, 17), only.Indices);
        }
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        var data = SmallData.Regression(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches(data, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches(data, 6, 1, dropLast: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MiniBatches(data, 2, 1).Epoch(-1));
        Assert.Throws<ArgumentException>(() => new MiniBatches(SmallData.Regression(0), 2, 1));
    }
}
