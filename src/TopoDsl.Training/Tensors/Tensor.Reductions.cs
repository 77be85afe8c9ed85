using System.Numerics.Tensors;

namespace TopoDsl.Training.Tensors;

/// <summary>Sums and means, over everything or along one axis.</summary>
public sealed partial class Tensor
{
    /// <summary>The sum of all elements, as a scalar tensor (accumulated in double).</summary>
    public Tensor Sum()
    {
        double sum = 0;
        foreach (float v in Data) sum += v;
        return new Tensor([(float)sum]).Record("Sum", [this], g => SendGrad(this, g.Reshape(OnesLike(Rank)).BroadcastTo(_shape)));
    }

    /// <summary>The mean of all elements, as a scalar tensor.</summary>
    public Tensor Mean() => Count == 0
        ? throw new ShapeMismatchException("Mean of an empty tensor")
        : Sum() * (1f / Count);

    /// <summary>Sum along <paramref name="axis"/>; the axis is removed unless <paramref name="keepDim"/>.</summary>
    public Tensor Sum(int axis, bool keepDim = false)
    {
        int a = NormalizeAxis(axis, "Sum");
        var (outer, size, inner) = Split(a);
        var result = ZeroedStorage(outer * inner);
        for (int o = 0; o < outer; o++)
            for (int s = 0; s < size; s++)
                TensorPrimitives.Add(result.AsSpan(o * inner, inner), Data.AsSpan((o * size + s) * inner, inner), result.AsSpan(o * inner, inner));
        return new Tensor(result, ReducedShape(a, keepDim)).Record("SumAxis", [this], g =>
            SendGrad(this, g.Reshape(ReducedShape(a, keepDim: true)).BroadcastTo(_shape)));
    }

    public Tensor Mean(int axis, bool keepDim = false) => Sum(axis, keepDim) * (1f / Dim(axis));

    private static int[] OnesLike(int rank)
    {
        var ones = new int[rank];
        Array.Fill(ones, 1);
        return ones;
    }

    private int NormalizeAxis(int axis, string operation)
    {
        int a = axis < 0 ? Rank + axis : axis;
        if (a < 0 || a >= Rank) throw new ShapeMismatchException($"{operation}: axis {axis} is out of range for shape {Shapes.Format(Shape)}");
        return a;
    }

    /// <summary>The tensor as [outer, size, inner] around <paramref name="axis"/>.</summary>
    private (int Outer, int Size, int Inner) Split(int axis)
    {
        int outer = 1, inner = 1;
        for (int d = 0; d < axis; d++) outer *= _shape[d];
        for (int d = axis + 1; d < Rank; d++) inner *= _shape[d];
        return (outer, _shape[axis], inner);
    }

    private int[] ReducedShape(int axis, bool keepDim)
    {
        var shape = _shape.ToList();
        if (keepDim) shape[axis] = 1;
        else shape.RemoveAt(axis);
        return shape.ToArray();
    }
}
