namespace TopoDsl.Training.Tensors;

/// <summary>Broadcasting as differentiable operations: each is the other's gradient.</summary>
public sealed partial class Tensor
{
    /// <summary>This tensor repeated to <paramref name="shape"/> by broadcasting rules.</summary>
    public Tensor BroadcastTo(params int[] shape)
    {
        if (Shapes.Equal(_shape, shape)) return this;
        var result = Broadcasting.ResultShape("BroadcastTo", _shape, shape);
        if (!Shapes.Equal(result, shape))
            throw new ShapeMismatchException($"BroadcastTo: {Shapes.Format(_shape)} does not broadcast to {Shapes.Format(shape)}");
        var values = BinaryKernel.Add.Apply(Data, _shape, ZeroedStorage(Shapes.Count(shape)), shape, shape);
        return new Tensor(values, shape).Record("BroadcastTo", [this], g => SendGrad(this, g.SumTo(_shape)));
    }

    /// <summary>Sums this tensor down to <paramref name="shape"/>, undoing a broadcast.</summary>
    public Tensor SumTo(params int[] shape)
    {
        if (Shapes.Equal(_shape, shape)) return this;
        var values = Broadcasting.SumToShape(Data, _shape, shape);
        return new Tensor(values, shape).Record("SumTo", [this], g => SendGrad(this, g.BroadcastTo(_shape)));
    }
}
