using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TopoDsl.Training.Data;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Data;

public class DatasetTests
{
    [Fact]
    public void Regression_set_keeps_its_tensors_and_has_no_labels()
    {
        var inputs = Tensor.Zeros(4, 3);
        var targets = Tensor.Zeros(4, 2);
        var data = new Dataset(inputs, targets);
        Assert.Same(inputs, data.Inputs);
        Assert.Same(targets, data.Targets);
        Assert.Null(data.Labels);
        Assert.False(data.IsClassification);
        Assert.Equal(0, data.ClassCount);
        Assert.Equal(4, data.Count);
        Assert.Equal([3], data.FeatureShape.ToArray());
    }

    [Fact]
    public void First_copies_the_leading_samples_and_keeps_a_set_no_longer_than_asked()
    {
        var inputs = Tensor.Zeros(5, 1);
        for (int i = 0; i < 5; i++) inputs.Data[i] = i;
        var data = new Dataset(inputs, [0, 1, 2, 1, 0]);
        var first = data.First(3);
        Assert.Equal([0f, 1f, 2f], first.Inputs.Data);
        Assert.Equal([0, 1, 2], first.Labels!);
        Assert.Same(data, data.First(5));
        Assert.Same(data, data.First(0));
    }

    [Fact]
    public void Classification_targets_are_one_hot_rows()
    {
        var data = new Dataset(Tensor.Zeros(3, 1), [2, 0, 1]);
        Assert.Equal(3, data.ClassCount);
        Assert.Equal([3, 3], data.Targets.Shape.ToArray());
        Assert.Equal([0f, 0, 1, 1, 0, 0, 0, 1, 0], data.Targets.Data);
    }

    [Fact]
    public void Class_count_can_exceed_the_labels_present_but_not_fall_below()
    {
        Assert.Equal(10, new Dataset(Tensor.Zeros(2, 1), [0, 1], classCount: 10).Targets.Dim(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset(Tensor.Zeros(2, 1), [0, 5], classCount: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset(Tensor.Zeros(2, 1), [0, -1]));
    }

    [Fact]
    public void Sample_counts_of_inputs_and_targets_must_agree()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => new Dataset(Tensor.Zeros(4, 3), Tensor.Zeros(5, 1)));
        Assert.Contains("[4, 3]", e.Message);
        Assert.Contains("[5, 1]", e.Message);
        Assert.Throws<ShapeMismatchException>(() => new Dataset(Tensor.Zeros(4, 3), [0, 1, 2]));
    }

    [Fact]
    public void Split_of_5000_at_70_percent_is_3500_and_1500()
    {
        var (train, test) = SmallData.Regression(5000).Split(0.7, seed: 1);
        Assert.Equal(3500, train.Count);
        Assert.Equal(1500, test.Count);
    }

    [Property(MaxTest = 200)]
    public Property Split_partitions_the_samples(PositiveInt size, byte percent, ulong seed)
    {
        int n = 1 + size.Get % 300;
        double fraction = Math.Min(percent, (byte)100) / 100.0;
        var data = SmallData.Regression(n);
        var (train, test) = data.Split(fraction, seed);
        var samples = Samples(train).Concat(Samples(test)).Order();
        return (samples.SequenceEqual(Enumerable.Range(0, n)) && train.Count == (int)Math.Round(fraction * n, MidpointRounding.AwayFromZero))
            .Label($"n={n} fraction={fraction} train={train.Count} test={test.Count}");
    }

    [Fact]
    public void Split_is_determined_by_the_seed()
    {
        var data = SmallData.Regression(200);
        var (a, _) = data.Split(0.5, seed: 7);
        var (b, _) = data.Split(0.5, seed: 7);
        var (c, _) = data.Split(0.5, seed: 8);
        Assert.Equal(Samples(a), Samples(b));
        Assert.NotEqual(Samples(a), Samples(c));
    }

    [Fact]
    public void Split_rejects_fractions_outside_0_to_1()
    {
        var data = SmallData.Regression(10);
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Split(1.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Split(double.NaN, 0));
    }

    [Fact]
    public void Subset_copies_rows_targets_and_labels_in_the_given_order()
    {
        var data = SmallData.Classification(10, classes: 4);
        var subset = data.Subset([7, 2, 7]);
        Assert.Equal([7f, 1007, 2, 1002, 7, 1007], subset.Inputs.Data);
        Assert.Equal([3, 2, 3], subset.Labels!);
        Assert.Equal(4, subset.ClassCount);
        Assert.Equal(1f, subset.Targets[0, 3]);
        Assert.NotSame(data.Inputs.Data, subset.Inputs.Data);

        var regression = SmallData.Regression(10).Subset([9, 0]);
        Assert.Equal([-9f, 0], regression.Targets.Data);
        Assert.Equal([2, 1], regression.Targets.Shape.ToArray());
    }

    [Fact]
    public void Subset_keeps_higher_rank_sample_shapes()
    {
        var images = new Tensor(Enumerable.Range(0, 3 * 2 * 2).Select(i => (float)i).ToArray(), 3, 1, 2, 2);
        var subset = new Dataset(images, [0, 1, 2]).Subset([2]);
        Assert.Equal([1, 1, 2, 2], subset.Inputs.Shape.ToArray());
        Assert.Equal([8f, 9, 10, 11], subset.Inputs.Data);
    }

    [Fact]
    public void Subset_rejects_indices_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallData.Regression(3).Subset([0, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallData.Regression(3).Subset([-1]));
    }

    private static int[] Samples(Dataset d) => Enumerable.Range(0, d.Count).Select(r => SmallData.SampleOf(d.Inputs, r)).ToArray();
}
