namespace TopoDsl.Training.Tensors;

/// <summary>Maximum along an axis; the gradient goes to the first position holding the maximum.</summary>
public sealed partial class Tensor
{
    public Tensor Max(int axis, bool keepDim = false)
    {
        int a = NormalizeAxis(axis, "Max");
        var (outer, size, inner) = Split(a);
        if (size == 0) throw new ShapeMismatchException($"Max along an empty axis of {Shapes.Format(Shape)}");
        var result = Uninitialized(outer * inner);
        var isArgmax = ZeroedStorage(Count);
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++)
            {
                int best = 0;
                for (int s = 1; s < size; s++)
                    if (Data[(o * size + s) * inner + i] > Data[(o * size + best) * inner + i]) best = s;
                result[o * inner + i] = Data[(o * size + best) * inner + i];
                isArgmax[(o * size + best) * inner + i] = 1f;
            }
        var mask = new Tensor(isArgmax, _shape);
        return new Tensor(result, ReducedShape(a, keepDim)).Record("Max", [this], g =>
            SendGrad(this, g.Reshape(ReducedShape(a, keepDim: true)).BroadcastTo(_shape) * mask));
    }
}
