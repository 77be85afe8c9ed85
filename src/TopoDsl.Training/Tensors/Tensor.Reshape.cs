namespace TopoDsl.Training.Tensors;

/// <summary>Views of the same values under another shape.</summary>
public sealed partial class Tensor
{
    /// <summary>The same values with another shape; one dimension may be -1 (inferred).</summary>
    public Tensor Reshape(params int[] shape)
    {
        var resolved = (int[])shape.Clone();
        int unknown = Array.IndexOf(resolved, -1);
        if (unknown >= 0)
        {
            int known = 1;
            for (int d = 0; d < resolved.Length; d++) if (d != unknown) known *= resolved[d];
            if (known == 0 || Count % known != 0)
                throw new ShapeMismatchException($"Reshape: cannot infer -1 in {Shapes.Format(shape)} for {Count} values");
            resolved[unknown] = Count / known;
        }
        if (Shapes.Count(resolved) != Count)
            throw new ShapeMismatchException($"Reshape: {Shapes.Format(Shape)} ({Count} values) cannot become {Shapes.Format(shape)}");
        return new Tensor(Data, resolved).Record("Reshape", [this], g => SendGrad(this, g.Reshape(_shape)));
    }

    /// <summary>[n, ...] to [n, product of the rest], as before a Linear layer.</summary>
    public Tensor Flatten() => Rank == 0 ? Reshape(1, 1) : Reshape(Dim(0), -1);
}
