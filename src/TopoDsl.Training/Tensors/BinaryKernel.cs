using System.Numerics.Tensors;

namespace TopoDsl.Training.Tensors;

/// <summary>
/// One elementwise binary operation in each of the forms broadcasting needs: span with span, span with a
/// scalar on either side (vectorised by TensorPrimitives), and a scalar function for a row where both are stretched.
/// </summary>
internal sealed class BinaryKernel
{
    public delegate void SpanSpan(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination);
    public delegate void SpanScalar(ReadOnlySpan<float> x, float y, Span<float> destination);
    public delegate void ScalarSpan(float x, ReadOnlySpan<float> y, Span<float> destination);

    public required string Name { get; init; }
    public required SpanSpan Spans { get; init; }
    public required SpanScalar RightScalar { get; init; }
    public required ScalarSpan LeftScalar { get; init; }
    public required Func<float, float, float> Scalar { get; init; }

    public static readonly BinaryKernel Add = new()
    {
        Name = "Add", Spans = TensorPrimitives.Add, RightScalar = TensorPrimitives.Add,
        LeftScalar = (x, y, d) => TensorPrimitives.Add(y, x, d), Scalar = (x, y) => x + y,
    };

    public static readonly BinaryKernel Subtract = new()
    {
        Name = "Subtract", Spans = TensorPrimitives.Subtract, RightScalar = TensorPrimitives.Subtract,
        LeftScalar = TensorPrimitives.Subtract, Scalar = (x, y) => x - y,
    };

    public static readonly BinaryKernel Multiply = new()
    {
        Name = "Multiply", Spans = TensorPrimitives.Multiply, RightScalar = TensorPrimitives.Multiply,
        LeftScalar = (x, y, d) => TensorPrimitives.Multiply(y, x, d), Scalar = (x, y) => x * y,
    };

    public static readonly BinaryKernel Divide = new()
    {
        Name = "Divide", Spans = TensorPrimitives.Divide, RightScalar = TensorPrimitives.Divide,
        LeftScalar = TensorPrimitives.Divide, Scalar = (x, y) => x / y,
    };

    /// <summary>x op y with broadcasting, as plain values (no graph).</summary>
    public float[] Apply(ReadOnlySpan<float> x, ReadOnlySpan<int> xShape, ReadOnlySpan<float> y, ReadOnlySpan<int> yShape, int[] resultShape)
    {
        var result = Tensor.Uninitialized(Shapes.Count(resultShape));
        if (xShape.SequenceEqual(yShape)) Spans(x, y, result);
        else if (y.Length == 1 && x.Length == result.Length) RightScalar(x, y[0], result);
        else if (x.Length == 1 && y.Length == result.Length) LeftScalar(x[0], y, result);
        else if (x.Length == result.Length && Broadcasting.IsTrailing(yShape, resultShape))
            for (int row = 0; row < result.Length; row += y.Length)
                Spans(x.Slice(row, y.Length), y, result.AsSpan(row, y.Length));
        else if (y.Length == result.Length && Broadcasting.IsTrailing(xShape, resultShape))
            for (int row = 0; row < result.Length; row += x.Length)
                Spans(x, y.Slice(row, x.Length), result.AsSpan(row, x.Length));
        else GeneralBroadcast(x, xShape, y, yShape, resultShape, result);
        return result;
    }

    /// <summary>Any other broadcast, one vector operation per row of the result's last dimension.</summary>
    private void GeneralBroadcast(ReadOnlySpan<float> x, ReadOnlySpan<int> xShape, ReadOnlySpan<float> y, ReadOnlySpan<int> yShape,
        int[] resultShape, Span<float> result)
    {
        var xStrides = Broadcasting.Strides(xShape, resultShape);
        var yStrides = Broadcasting.Strides(yShape, resultShape);
        var xRows = Broadcasting.RowOffsets(resultShape, xStrides);
        var yRows = Broadcasting.RowOffsets(resultShape, yStrides);
        int inner = resultShape[^1];
        bool xRuns = xStrides[^1] == 1, yRuns = yStrides[^1] == 1;
        for (int row = 0; row < xRows.Length; row++)
        {
            var destination = result.Slice(row * inner, inner);
            int i = xRows[row], j = yRows[row];
            if (xRuns && yRuns) Spans(x.Slice(i, inner), y.Slice(j, inner), destination);
            else if (xRuns) RightScalar(x.Slice(i, inner), y[j], destination);
            else if (yRuns) LeftScalar(x[i], y.Slice(j, inner), destination);
            else destination.Fill(Scalar(x[i], y[j]));
        }
    }
}
