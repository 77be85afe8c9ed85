namespace TopoDsl.Training.Tensors;

/// <summary>Maximum along an axis with PyTorch's NaN rules; the gradient goes to the one position chosen.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// As torch.max(dim): NaN propagates, and the position is that of the first NaN; among equal maxima, the first.
    /// </summary>
    public Tensor Max(int axis, bool keepDim = false) => Max(axis, keepDim, lastNaNWins: false);

    /// <param name="lastNaNWins">
    /// false: torch.max(dim), which stops at the first NaN. true: F.max_pool2d's CPU kernel, which takes any NaN
    /// it meets (<c>val &gt; maxval || isnan(val)</c>) and so ends on the last NaN of the window.
    /// </param>
    internal Tensor Max(int axis, bool keepDim, bool lastNaNWins)
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
                float bestValue = Data[o * size * inner + i];
                for (int s = 1; s < size; s++)
                {
                    if (float.IsNaN(bestValue) && !lastNaNWins) break;
                    float value = Data[(o * size + s) * inner + i];
                    if (value > bestValue || float.IsNaN(value)) (best, bestValue) = (s, value);
                }
                result[o * inner + i] = bestValue;
                isArgmax[(o * size + best) * inner + i] = 1f;
            }
        var chosen = new Tensor(isArgmax, _shape);
        return new Tensor(result, ReducedShape(a, keepDim)).Record("Max", [this], g =>
            SendGrad(this, g.Reshape(ReducedShape(a, keepDim: true)).BroadcastTo(_shape).Select(chosen)));
    }

    /// <summary>
    /// This tensor where <paramref name="chosen"/> is non-zero, and exactly zero elsewhere even where this is NaN:
    /// the gradient of a maximum reaches only the chosen position, as PyTorch's scatter sends it (a product with
    /// a 0/1 mask would spread a NaN gradient over the whole window). Linear, so it is its own adjoint.
    /// </summary>
    private Tensor Select(Tensor chosen)
    {
        var result = Uninitialized(Count);
        for (int k = 0; k < result.Length; k++) result[k] = chosen.Data[k] != 0 ? Data[k] : 0f;
        return new Tensor(result, _shape).Record("Select", [this], g => SendGrad(this, g.Select(chosen)));
    }
}
