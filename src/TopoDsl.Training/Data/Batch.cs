using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Data;

/// <summary>
/// One minibatch. Its tensors and arrays belong to the <see cref="MiniBatches"/> that produced it and are
/// overwritten by the next batch of the same size: copy anything that must outlive the step.
/// </summary>
public sealed class Batch
{
    internal Batch(Tensor inputs, Tensor targets, int[]? labels, int[] indices)
    {
        Inputs = inputs;
        Targets = targets;
        Labels = labels;
        Indices = indices;
    }

    /// <summary>[batch, ...features].</summary>
    public Tensor Inputs { get; }

    /// <summary>[batch, ...]; one-hot rows for a classification set.</summary>
    public Tensor Targets { get; }

    /// <summary>Class labels of the batch, or null for a regression set.</summary>
    public int[]? Labels { get; }

    /// <summary>Which samples of the data set the rows are, in row order.</summary>
    public int[] Indices { get; }

    public int Count => Indices.Length;

    /// <summary>Batch buffers of one size, filled by gathering rows of <paramref name="data"/>.</summary>
    internal static Batch Allocate(Dataset data, int size) => new(
        Tensor.Zeros(Rows.ShapeWithRows(data.Inputs, size)),
        Tensor.Zeros(Rows.ShapeWithRows(data.Targets, size)),
        data.Labels is null ? null : new int[size],
        new int[size]);

    internal void Fill(Dataset data, ReadOnlySpan<int> indices)
    {
        indices.CopyTo(Indices);
        Rows.Gather(data.Inputs, indices, Inputs.Data);
        Rows.Gather(data.Targets, indices, Targets.Data);
        if (Labels is not null) Rows.Gather(data.Labels!, indices, Labels);
    }
}
