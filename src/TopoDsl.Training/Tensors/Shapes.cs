namespace TopoDsl.Training.Tensors;

/// <summary>Helpers for tensor shapes: element counts, equality and the text of a shape in messages.</summary>
public static class Shapes
{
    public static int Count(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"shape {Format(shape)} has a negative dimension");
            count *= d;
            if (count > Array.MaxLength) throw new ArgumentException($"shape {Format(shape)} has more than {Array.MaxLength} elements");
        }
        return (int)count;
    }

    public static bool Equal(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);

    /// <summary>The shape as PyTorch prints it, e.g. [128, 784].</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";
}

/// <summary>An operation got tensors whose shapes do not fit; the message names the operation and the shapes.</summary>
public sealed class ShapeMismatchException(string message) : ArgumentException(message);
