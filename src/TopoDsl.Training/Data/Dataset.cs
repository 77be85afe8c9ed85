using TopoDsl.Training;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Data;

/// <summary>
/// An in-memory data set: <see cref="Inputs"/> [n, ...features] and <see cref="Targets"/> [n, ...]. A classification
/// set also has integer <see cref="Labels"/> (for cross-entropy, as in PyTorch); its <see cref="Targets"/> are then the
/// one-hot rows [n, ClassCount], so that MSE training on class labels needs nothing extra.
/// The tensors are shared, not copied: treat them as read-only.
/// </summary>
public sealed class Dataset
{
    /// <summary>A regression set: targets are any float tensor with the same first dimension as the inputs.</summary>
    public Dataset(Tensor inputs, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        RequireSampleAxis(inputs, nameof(inputs));
        RequireSampleAxis(targets, nameof(targets));
        if (targets.Dim(0) != inputs.Dim(0))
            throw new ShapeMismatchException(
                $"dataset has {inputs.Dim(0)} inputs {Shapes.Format(inputs.Shape)} but {targets.Dim(0)} targets {Shapes.Format(targets.Shape)}");
        Inputs = inputs;
        Targets = targets;
    }

    /// <summary>A classification set; <paramref name="classCount"/> defaults to the largest label + 1.</summary>
    public Dataset(Tensor inputs, int[] labels, int? classCount = null)
        : this(inputs, OneHot(labels, ResolveClassCount(labels, classCount)))
    {
        Labels = labels;
        ClassCount = Targets.Dim(1);
    }

    public Tensor Inputs { get; }

    public Tensor Targets { get; }

    /// <summary>Class labels in [0, ClassCount), or null for a regression set.</summary>
    public int[]? Labels { get; }

    /// <summary>Number of classes, or 0 for a regression set.</summary>
    public int ClassCount { get; }

    public bool IsClassification => Labels is not null;

    public int Count => Inputs.Dim(0);

    /// <summary>The shape of one input sample (the input shape without its first dimension).</summary>
    public ReadOnlySpan<int> FeatureShape => Inputs.Shape[1..];

    /// <summary>
    /// A seeded random partition: <c>round(trainFraction · Count)</c> samples for training, the rest for testing.
    /// The same seed gives the same partition.
    /// </summary>
    public (Dataset Train, Dataset Test) Split(double trainFraction, ulong seed)
    {
        if (!(trainFraction >= 0 && trainFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "the train fraction must be in [0, 1]");
        int trainCount = (int)Math.Round(trainFraction * Count, MidpointRounding.AwayFromZero);
        var order = Permutation.Identity(Count);
        new Rng(seed).Shuffle(order.AsSpan());
        return (Subset(order.AsSpan(0, trainCount)), Subset(order.AsSpan(trainCount)));
    }

    /// <summary>The first <paramref name="count"/> samples (a copy), or this data set itself when it has no more than that or <paramref name="count"/> is 0 or less.</summary>
    public Dataset First(int count) => count <= 0 || count >= Count ? this : Subset(Permutation.Identity(count));

    /// <summary>A new data set holding copies of the given samples, in the given order (repeats allowed).</summary>
    public Dataset Subset(ReadOnlySpan<int> indices)
    {
        foreach (int i in indices)
            if ((uint)i >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"sample index out of range for a data set of {Count}");
        var inputs = Rows.Gather(Inputs, indices);
        if (Labels is null) return new Dataset(inputs, Rows.Gather(Targets, indices));
        var labels = new int[indices.Length];
        Rows.Gather(Labels, indices, labels);
        return new Dataset(inputs, labels, ClassCount);
    }

    public override string ToString() => IsClassification
        ? $"Dataset({Count} samples, inputs {Shapes.Format(Inputs.Shape)}, {ClassCount} classes)"
        : $"Dataset({Count} samples, inputs {Shapes.Format(Inputs.Shape)}, targets {Shapes.Format(Targets.Shape)})";

    private static void RequireSampleAxis(Tensor t, string name)
    {
        if (t.Rank == 0) throw new ShapeMismatchException($"{name} need a first dimension that counts samples, not a scalar");
    }

    private static int ResolveClassCount(int[] labels, int? classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int max = -1;
        foreach (int label in labels)
        {
            if (label < 0) throw new ArgumentOutOfRangeException(nameof(labels), label, "class labels must be non-negative");
            max = Math.Max(max, label);
        }
        if (classCount is not int given) return max + 1;
        if (given <= max)
            throw new ArgumentOutOfRangeException(nameof(classCount), given, $"label {max} does not fit {given} classes");
        return given;
    }

    private static Tensor OneHot(int[] labels, int classCount)
    {
        var oneHot = Tensor.Zeros(labels.Length, classCount);
        for (int i = 0; i < labels.Length; i++) oneHot.Data[i * classCount + labels[i]] = 1;
        return oneHot;
    }
}
