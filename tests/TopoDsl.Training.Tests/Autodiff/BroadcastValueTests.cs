using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Autodiff;

/// <summary>
/// Broadcast values against a reference that indexes every element of the result by hand. Gradient checks
/// alone would not catch a wrong forward value, since finite differences run through the same forward.
/// </summary>
public sealed class BroadcastValueTests
{
    public static TheoryData<int[], int[]> Shapes => new()
    {
        { [3, 1], [1, 4] },
        { [2, 3, 4], [3, 1] },
        { [2, 1, 4], [3, 1] },
        { [1, 3, 1], [2, 1, 5] },
        { [2, 3, 1], [1, 1, 4] },
        { [4, 1], [4] },
        { [2, 1, 3, 1], [5, 1, 2] },
        { [3, 1], [3, 0] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Values_match_a_per_element_reference(int[] aShape, int[] bShape)
    {
        var a = GradCheck.RandomAwayFromZero(1, 0.5, aShape);
        var b = GradCheck.RandomAwayFromZero(2, 0.5, bShape);
        foreach (var (name, op, reference) in new (string, Func<Tensor, Tensor, Tensor>, Func<float, float, float>)[]
        {
            ("+", (x, y) => x + y, (x, y) => x + y), ("-", (x, y) => x - y, (x, y) => x - y),
            ("*", (x, y) => x * y, (x, y) => x * y), ("/", (x, y) => x / y, (x, y) => x / y),
        })
        {
            var result = op(a, b);
            var expected = Reference(a, b, result.Shape.ToArray(), reference);
            Assert.True(expected.SequenceEqual(result.Data), $"a {name} b for {Format(aShape)} and {Format(bShape)}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_gradient_of_a_stretched_input_sums_over_the_stretch(int[] aShape, int[] bShape)
    {
        var a = GradCheck.Random(3, aShape);
        a.RequiresGrad = true;
        var b = GradCheck.Random(4, bShape);
        var product = a * b;
        var weights = GradCheck.Random(5, product.Shape.ToArray());
        (product * weights).Sum().Backward();

        // d/da[i] = sum over result elements r that read a[i] of b[r's b element] * weights[r]
        var expected = new double[a.Count];
        var shape = product.Shape.ToArray();
        for (int r = 0; r < product.Count; r++)
        {
            var index = Unravel(r, shape);
            expected[Offset(index, aShape)] += (double)b.Data[Offset(index, bShape)] * weights.Data[r];
        }
        for (int i = 0; i < a.Count; i++)
            Assert.True(Math.Abs(a.Grad!.Data[i] - expected[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])),
                $"element {i}: {a.Grad!.Data[i]} vs {expected[i]}");
    }

    private static float[] Reference(Tensor a, Tensor b, int[] shape, Func<float, float, float> op)
    {
        int count = shape.Aggregate(1, (p, d) => p * d);
        var values = new float[count];
        for (int r = 0; r < count; r++)
        {
            var index = Unravel(r, shape);
            values[r] = op(a.Data[Offset(index, a.Shape.ToArray())], b.Data[Offset(index, b.Shape.ToArray())]);
        }
        return values;
    }

    private static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    /// <summary>The element of an input of <paramref name="shape"/> that result element <paramref name="index"/> reads.</summary>
    private static int Offset(int[] index, int[] shape)
    {
        int offset = 0, skip = index.Length - shape.Length;
        for (int d = 0; d < shape.Length; d++)
            offset = offset * shape[d] + (shape[d] == 1 ? 0 : index[skip + d]);
        return offset;
    }

    private static string Format(int[] shape) => "[" + string.Join(", ", shape) + "]";
}
