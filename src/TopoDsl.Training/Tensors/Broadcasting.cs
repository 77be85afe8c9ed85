namespace TopoDsl.Training.Tensors;

/// <summary>
/// NumPy/PyTorch broadcasting: shapes are aligned at their last dimension, and a dimension of 1 (or a missing
/// one) stretches to the other's size. Gradients flowing back to a stretched input are summed over the stretch.
/// </summary>
internal static class Broadcasting
{
    public static int[] ResultShape(string operation, ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ShapeMismatchException(
                    $"{operation}: shapes {Shapes.Format(a)} and {Shapes.Format(b)} do not broadcast (dimension {i}: {da} vs {db})");
            result[i] = da == 1 ? db : da;   // a 1 stretches to the other size, including 0
        }
        return result;
    }

    /// <summary>
    /// For each element of the result, the offset of the element of <paramref name="input"/> it reads: strides of
    /// the input aligned to the result, zero along stretched dimensions.
    /// </summary>
    public static int[] Strides(ReadOnlySpan<int> input, ReadOnlySpan<int> result)
    {
        var strides = new int[result.Length];
        int stride = 1;
        for (int i = result.Length - 1, j = input.Length - 1; i >= 0; i--, j--)
        {
            if (j < 0) break;
            strides[i] = input[j] == 1 ? 0 : stride;
            stride *= input[j];
        }
        return strides;
    }

    /// <summary>True when <paramref name="input"/> is <paramref name="result"/>'s trailing dimensions (a row repeated).</summary>
    public static bool IsTrailing(ReadOnlySpan<int> input, ReadOnlySpan<int> result) =>
        input.Length <= result.Length && input.SequenceEqual(result[(result.Length - input.Length)..]);

    /// <summary>
    /// For each row of the result (a run along its last dimension), the offset of the input element the row starts
    /// at. Along the last dimension the input then advances by 1 or, when stretched, stays put (stride 0): so every
    /// row is one vector operation, span with span or span with scalar.
    /// </summary>
    public static int[] RowOffsets(ReadOnlySpan<int> result, int[] strides)
    {
        int rank = result.Length, inner = result[rank - 1];
        int rows = inner == 0 ? 0 : Shapes.Count(result) / inner;
        var offsets = new int[rows];
        Span<int> index = stackalloc int[rank];
        int offset = 0;
        for (int r = 0; r < rows; r++)
        {
            offsets[r] = offset;
            for (int d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                offset += strides[d];
                if (index[d] < result[d]) break;
                offset -= strides[d] * result[d];
                index[d] = 0;
            }
        }
        return offsets;
    }

    /// <summary>Sums a gradient of the result's shape down to an input's shape.</summary>
    public static float[] SumToShape(ReadOnlySpan<float> gradient, ReadOnlySpan<int> result, ReadOnlySpan<int> input)
    {
        if (result.SequenceEqual(input))
        {
            var copy = Tensor.Uninitialized(gradient.Length);
            gradient.CopyTo(copy);
            return copy;
        }
        var sum = Tensor.ZeroedStorage(Shapes.Count(input));
        if (IsTrailing(input, result))
        {
            for (int row = 0; row < gradient.Length; row += sum.Length)
                System.Numerics.Tensors.TensorPrimitives.Add(sum, gradient.Slice(row, sum.Length), sum);
            return sum;
        }
        var strides = Strides(input, result);
        var offsets = RowOffsets(result, strides);
        int inner = result[^1];
        for (int row = 0; row < offsets.Length; row++)
        {
            var g = gradient.Slice(row * inner, inner);
            if (strides[^1] == 0) sum[offsets[row]] += System.Numerics.Tensors.TensorPrimitives.Sum(g);
            else System.Numerics.Tensors.TensorPrimitives.Add(sum.AsSpan(offsets[row], inner), g, sum.AsSpan(offsets[row], inner));
        }
        return sum;
    }
}
