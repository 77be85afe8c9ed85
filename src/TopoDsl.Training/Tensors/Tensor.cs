namespace TopoDsl.Training.Tensors;

/// <summary>
/// A dense float32 tensor, row-major. Operations on tensors that require gradients record themselves so that
/// <see cref="Backward"/> can compute the gradient of a scalar with respect to every leaf (reverse mode).
/// </summary>
public sealed partial class Tensor
{
    private readonly int[] _shape;

    /// <summary>Wraps <paramref name="data"/> (no copy) with the given shape.</summary>
    public Tensor(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        _shape = (int[])shape.Clone();
        int count = Shapes.Count(_shape);
        if (data.Length != count)
            throw new ShapeMismatchException($"tensor data has {data.Length} values but shape {Shapes.Format(_shape)} needs {count}");
        Data = data;
    }

    public static Tensor Zeros(params int[] shape) => new(new float[Shapes.Count(shape)], shape);

    /// <summary>Storage whose every element the caller overwrites: skipping the zeroing is measurable on large activations.</summary>
    internal static float[] Uninitialized(int count) => StepMemory.Rent(count);

    /// <summary>Zero-filled storage for an operation's result (pooled inside a <see cref="StepMemory"/> scope).</summary>
    internal static float[] ZeroedStorage(int count) => StepMemory.RentZeroed(count);

    public static Tensor Scalar(float value) => new([value]);

    public static Tensor Full(float value, params int[] shape)
    {
        var data = new float[Shapes.Count(shape)];
        Array.Fill(data, value);
        return new Tensor(data, shape);
    }

    /// <summary>The values, row-major. Writing to them bypasses autodiff (use it for parameters and data).</summary>
    public float[] Data { get; }

    public ReadOnlySpan<int> Shape => _shape;

    public int Rank => _shape.Length;

    public int Count => Data.Length;

    /// <summary>Size of dimension <paramref name="axis"/>; negative axes count from the end.</summary>
    public int Dim(int axis) => _shape[axis < 0 ? _shape.Length + axis : axis];

    public Span<float> Span => Data;

    /// <summary>The single value of a one-element tensor.</summary>
    public float ToScalar() => Count == 1 ? Data[0]
        : throw new ShapeMismatchException($"ToScalar() needs a tensor with one element, not shape {Shapes.Format(_shape)}");

    public float this[params int[] index]
    {
        get => Data[Offset(index)];
        set => Data[Offset(index)] = value;
    }

    private int Offset(int[] index)
    {
        if (index.Length != _shape.Length)
            throw new ArgumentException($"index of rank {index.Length} for a tensor of shape {Shapes.Format(_shape)}");
        int offset = 0;
        for (int d = 0; d < index.Length; d++)
        {
            if ((uint)index[d] >= (uint)_shape[d])
                throw new IndexOutOfRangeException($"index {index[d]} out of range for dimension {d} of shape {Shapes.Format(_shape)}");
            offset = offset * _shape[d] + index[d];
        }
        return offset;
    }

    public Tensor Clone() => new((float[])Data.Clone(), _shape);

    public override string ToString() => $"Tensor{Shapes.Format(_shape)}";
}
