using System.Numerics;

namespace TopoDsl.Experiments.Certificate;

/// <summary>
/// The distortion kernel of the certificate: for pairs of neurons, the change of their distance over one step.
/// Clouds are stored by coordinate (one array per axis), so that the distances from neuron i to the neurons after
/// it are computed a SIMD vector of neurons at a time.
/// <para>
/// Rounding: the coordinates are exact float32 values, so the distances are computed with a relative error of a few
/// units in 2^-24; the slack <see cref="RelativeSlack"/> covers it. The update itself rounds every coordinate to
/// float32, which moves a distance by up to √D ulp(max |x|) whatever the map: that is the absolute allowance the
/// caller passes, so that neurons a few ulps apart do not read as torn apart by rounding alone.
/// </para>
/// </summary>
internal static class PairDistortion
{
    public const float RelativeSlack = 1f / (1 << 20);

    /// <summary>The allowance for float32 rounding of the update: √D ulp(the largest coordinate magnitude of either cloud).</summary>
    public static float RoundingAllowance(float[][] before, float[][] after)
    {
        float largest = 0;
        foreach (var axis in before) largest = Math.Max(largest, System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(axis) is var m && float.IsNaN(m) ? float.PositiveInfinity : Math.Abs(m));
        foreach (var axis in after) largest = Math.Max(largest, System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(axis) is var m && float.IsNaN(m) ? float.PositiveInfinity : Math.Abs(m));
        float ulp = largest == 0 ? float.Epsilon : MathF.BitIncrement(largest) - largest;
        return MathF.Sqrt(before.Length) * ulp;
    }

    /// <summary>Every pair i &lt; j whose first index lies in [<paramref name="fromRow"/>, <paramref name="toRow"/>).</summary>
    public static StepDistortion AllPairs(float[][] before, float[][] after, float allowance, float mergeTolerance, int fromRow, int toRow)
    {
        int count = before[0].Length, dimensions = before.Length, width = Vector<float>.Count;
        var expansion = Vector<float>.Zero;
        var contraction = Vector<float>.Zero;
        var merges = Vector<int>.Zero;
        float scalarExpansion = 0, scalarContraction = 0;
        long scalarMerges = 0, pairs = 0;
        var allowanceV = new Vector<float>(allowance);
        var slackV = new Vector<float>(RelativeSlack);
        var toleranceV = new Vector<float>(mergeTolerance);
        var tinyV = new Vector<float>(1e-30f);
        for (int i = fromRow; i < toRow; i++)
        {
            int j = i + 1;
            pairs += count - j;
            for (; j + width <= count; j += width)
            {
                var oldSquared = Vector<float>.Zero;
                var newSquared = Vector<float>.Zero;
                for (int d = 0; d < dimensions; d++)
                {
                    var o = new Vector<float>(before[d], j) - new Vector<float>(before[d][i]);
                    var n = new Vector<float>(after[d], j) - new Vector<float>(after[d][i]);
                    oldSquared += o * o;
                    newSquared += n * n;
                }
                var oldDistance = Vector.SquareRoot(oldSquared);
                var newDistance = Vector.SquareRoot(newSquared);
                var slack = allowanceV + slackV * oldDistance;
                var safe = Vector.Max(oldDistance, tinyV);
                expansion = Vector.Max(expansion, (newDistance - oldDistance - slack) / safe);
                contraction = Vector.Max(contraction, (oldDistance - newDistance - slack) / safe);
                merges -= Vector.BitwiseAnd(Vector.GreaterThanOrEqual(oldDistance, toleranceV), Vector.LessThan(newDistance, toleranceV));
            }
            for (; j < count; j++)
                Accumulate(Distance(before, i, j), Distance(after, i, j), allowance, mergeTolerance, ref scalarExpansion, ref scalarContraction, ref scalarMerges);
        }
        for (int lane = 0; lane < width; lane++)
        {
            scalarExpansion = Math.Max(scalarExpansion, expansion[lane]);
            scalarContraction = Math.Max(scalarContraction, contraction[lane]);
            scalarMerges += merges[lane];
        }
        return new StepDistortion(scalarExpansion, scalarContraction, scalarMerges, pairs);
    }

    /// <summary>The pairs (first[k], second[k]): gathered a SIMD vector of pairs at a time, then as <see cref="AllPairs"/>.</summary>
    public static StepDistortion Pairs(float[][] before, float[][] after, float allowance, float mergeTolerance, int[] first, int[] second)
    {
        int width = Vector<float>.Count, dimensions = before.Length, k = 0;
        var expansion = Vector<float>.Zero;
        var contraction = Vector<float>.Zero;
        var merges = Vector<int>.Zero;
        var allowanceV = new Vector<float>(allowance);
        var slackV = new Vector<float>(RelativeSlack);
        var toleranceV = new Vector<float>(mergeTolerance);
        var tinyV = new Vector<float>(1e-30f);
        Span<float> oldDifference = stackalloc float[width], newDifference = stackalloc float[width];
        for (; k + width <= first.Length; k += width)
        {
            var oldSquared = Vector<float>.Zero;
            var newSquared = Vector<float>.Zero;
            for (int d = 0; d < dimensions; d++)
            {
                float[] was = before[d], now = after[d];
                for (int lane = 0; lane < width; lane++)
                {
                    int i = first[k + lane], j = second[k + lane];
                    oldDifference[lane] = was[j] - was[i];
                    newDifference[lane] = now[j] - now[i];
                }
                var o = new Vector<float>(oldDifference);
                var n = new Vector<float>(newDifference);
                oldSquared += o * o;
                newSquared += n * n;
            }
            var oldDistance = Vector.SquareRoot(oldSquared);
            var newDistance = Vector.SquareRoot(newSquared);
            var slack = allowanceV + slackV * oldDistance;
            var safe = Vector.Max(oldDistance, tinyV);
            expansion = Vector.Max(expansion, (newDistance - oldDistance - slack) / safe);
            contraction = Vector.Max(contraction, (oldDistance - newDistance - slack) / safe);
            merges -= Vector.BitwiseAnd(Vector.GreaterThanOrEqual(oldDistance, toleranceV), Vector.LessThan(newDistance, toleranceV));
        }
        float scalarExpansion = 0, scalarContraction = 0;
        long scalarMerges = 0;
        for (; k < first.Length; k++)
            Accumulate(Distance(before, first[k], second[k]), Distance(after, first[k], second[k]), allowance, mergeTolerance,
                ref scalarExpansion, ref scalarContraction, ref scalarMerges);
        for (int lane = 0; lane < width; lane++)
        {
            scalarExpansion = Math.Max(scalarExpansion, expansion[lane]);
            scalarContraction = Math.Max(scalarContraction, contraction[lane]);
            scalarMerges += merges[lane];
        }
        return new StepDistortion(scalarExpansion, scalarContraction, scalarMerges, first.Length);
    }

    private static void Accumulate(float oldDistance, float newDistance, float allowance, float mergeTolerance,
        ref float expansion, ref float contraction, ref long merges)
    {
        float slack = allowance + RelativeSlack * oldDistance;
        float safe = Math.Max(oldDistance, 1e-30f);
        expansion = Math.Max(expansion, (newDistance - oldDistance - slack) / safe);
        contraction = Math.Max(contraction, (oldDistance - newDistance - slack) / safe);
        if (oldDistance >= mergeTolerance && newDistance < mergeTolerance) merges++;
    }

    private static float Distance(float[][] cloud, int i, int j)
    {
        float sum = 0;
        foreach (var axis in cloud)
        {
            float difference = axis[j] - axis[i];
            sum += difference * difference;
        }
        return MathF.Sqrt(sum);
    }
}
