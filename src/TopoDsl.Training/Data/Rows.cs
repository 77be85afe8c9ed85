using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Data;

/// <summary>Row access on tensors whose first dimension counts samples.</summary>
internal static class Rows
{
    /// <summary>Floats per sample: the product of every dimension after the first.</summary>
    public static int Width(Tensor t) => Shapes.Count(t.Shape[1..]);

    /// <summary>The shape of <paramref name="t"/> with the first dimension replaced by <paramref name="rows"/>.</summary>
    public static int[] ShapeWithRows(Tensor t, int rows)
    {
        var shape = t.Shape.ToArray();
        shape[0] = rows;
        return shape;
    }

    /// <summary>Copies rows <paramref name="indices"/> of <paramref name="source"/>, in that order, into <paramref name="destination"/>.</summary>
    public static void Gather(Tensor source, ReadOnlySpan<int> indices, Span<float> destination)
    {
        int width = Width(source);
        var data = source.Data.AsSpan();
        for (int i = 0; i < indices.Length; i++)
            data.Slice(indices[i] * width, width).CopyTo(destination.Slice(i * width, width));
    }

    public static Tensor Gather(Tensor source, ReadOnlySpan<int> indices)
    {
        var result = Tensor.Zeros(ShapeWithRows(source, indices.Length));
        Gather(source, indices, result.Data);
        return result;
    }

    public static void Gather(int[] source, ReadOnlySpan<int> indices, Span<int> destination)
    {
        for (int i = 0; i < indices.Length; i++) destination[i] = source[indices[i]];
    }
}
