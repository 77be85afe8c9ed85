using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace TopoDsl.Experiments.Certificate;

/// <summary>
/// The distortion kernel of the certificate: for pairs of neurons, the change of their distance over one step.
/// Clouds are stored by coordinate (one array per axis), so that the distances from neuron i to the neurons after
/// it are computed a SIMD vector of neurons at a time; sampled pairs are gathered into vectors first.
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

    /// <summary>
    /// The allowance for float32 rounding of the update: √D ulp(the largest coordinate magnitude of either cloud), from
    /// each cloud's largest magnitude (<see cref="LargestMagnitude"/>).
    /// </summary>
    public static float RoundingAllowance(int dimension, float largestBefore, float largestAfter)
    {
        float largest = Math.Max(largestBefore, largestAfter);
        float ulp = largest == 0 ? float.Epsilon : MathF.BitIncrement(largest) - largest;
        return MathF.Sqrt(dimension) * ulp;
    }

    /// <summary>The largest |coordinate| of a cloud stored by axis; +infinity when one is NaN.</summary>
    public static float LargestMagnitude(float[][] cloud)
    {
        float largest = 0;
        foreach (var axis in cloud)
        {
            float magnitude = System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(axis);
            largest = Math.Max(largest, float.IsNaN(magnitude) ? float.PositiveInfinity : Math.Abs(magnitude));
        }
        return largest;
    }

    /// <summary>Every pair i &lt; j whose first index lies in [<paramref name="fromRow"/>, <paramref name="toRow"/>).</summary>
    public static StepDistortion AllPairs(float[][] before, float[][] after, float allowance, float mergeTolerance, int fromRow, int toRow)
    {
        int count = before[0].Length, width = Vector<float>.Count;
        var sums = new Accumulator(allowance, mergeTolerance);
        long pairs = 0;
        for (int i = fromRow; i < toRow; i++)
        {
            int j = i + 1;
            pairs += count - j;
            for (; j + width <= count; j += width)
            {
                var oldSquared = Vector<float>.Zero;
                var newSquared = Vector<float>.Zero;
                for (int d = 0; d < before.Length; d++)
                {
                    var o = new Vector<float>(before[d], j) - new Vector<float>(before[d][i]);
                    var n = new Vector<float>(after[d], j) - new Vector<float>(after[d][i]);
                    oldSquared += o * o;
                    newSquared += n * n;
                }
                sums.Add(oldSquared, newSquared);
            }
            for (; j < count; j++) sums.Add(Distance(before, i, j), Distance(after, i, j));
        }
        return sums.Result(pairs);
    }

    /// <summary>The pairs (first[k], second[k]), gathered a SIMD vector of pairs at a time.</summary>
    public static StepDistortion Pairs(float[][] before, float[][] after, float allowance, float mergeTolerance, int[] first, int[] second)
    {
        return Avx2.IsSupported && Vector<float>.Count == Vector256<float>.Count
            ? GatheredPairs(before, after, allowance, mergeTolerance, first, second)
            : LaneByLanePairs(before, after, allowance, mergeTolerance, first, second);
    }

    /// <summary><see cref="Pairs"/> on any CPU: each vector's lanes filled one at a time.</summary>
    internal static StepDistortion LaneByLanePairs(float[][] before, float[][] after, float allowance, float mergeTolerance, int[] first, int[] second)
    {
        int width = Vector<float>.Count, k = 0;
        var sums = new Accumulator(allowance, mergeTolerance);
        Span<float> oldDifference = stackalloc float[width], newDifference = stackalloc float[width];
        for (; k + width <= first.Length; k += width)
        {
            var oldSquared = Vector<float>.Zero;
            var newSquared = Vector<float>.Zero;
            for (int d = 0; d < before.Length; d++)
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
            sums.Add(oldSquared, newSquared);
        }
        for (; k < first.Length; k++) sums.Add(Distance(before, first[k], second[k]), Distance(after, first[k], second[k]));
        return sums.Result(first.Length);
    }

    /// <summary>
    /// <see cref="Pairs"/> with the hardware's gather: the same differences, squares and sums in the same order, so
    /// the same floats, in a third of the time of filling the lanes one by one.
    /// </summary>
    internal static unsafe StepDistortion GatheredPairs(float[][] before, float[][] after, float allowance, float mergeTolerance, int[] first, int[] second)
    {
        int width = Vector256<float>.Count, k = 0;
        var sums = new Accumulator(allowance, mergeTolerance);
        fixed (int* firsts = first, seconds = second)
        {
            for (; k + width <= first.Length; k += width)
            {
                var i = Avx.LoadVector256(firsts + k);
                var j = Avx.LoadVector256(seconds + k);
                var oldSquared = Vector256<float>.Zero;
                var newSquared = Vector256<float>.Zero;
                for (int d = 0; d < before.Length; d++)
                {
                    fixed (float* was = before[d], now = after[d])
                    {
                        var o = Avx2.GatherVector256(was, j, 4) - Avx2.GatherVector256(was, i, 4);
                        var n = Avx2.GatherVector256(now, j, 4) - Avx2.GatherVector256(now, i, 4);
                        oldSquared += o * o;
                        newSquared += n * n;
                    }
                }
                sums.Add(oldSquared.AsVector(), newSquared.AsVector());
            }
        }
        for (; k < first.Length; k++) sums.Add(Distance(before, first[k], second[k]), Distance(after, first[k], second[k]));
        return sums.Result(first.Length);
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

    /// <summary>
    /// The running maxima of one kernel call, per SIMD lane and for the scalar tail: expansion and contraction beyond
    /// rounding, (new − old − slack) / old and (old − new − slack) / old, and the pairs that came within the merge distance.
    /// </summary>
    private struct Accumulator(float allowance, float mergeTolerance)
    {
        private readonly Vector<float> _allowance = new(allowance), _slack = new(RelativeSlack), _tolerance = new(mergeTolerance), _tiny = new(1e-30f);
        private Vector<float> _expansion, _contraction;
        private Vector<int> _merges;
        private float _tailExpansion, _tailContraction;
        private long _tailMerges;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Vector<float> oldSquared, Vector<float> newSquared)
        {
            var oldDistance = Vector.SquareRoot(oldSquared);
            var newDistance = Vector.SquareRoot(newSquared);
            var slack = _allowance + _slack * oldDistance;
            var safe = Vector.Max(oldDistance, _tiny);
            // One quotient serves both sides: (|new - old| - slack) / safe is the expansion's where the pair grew and the
            // contraction's where it shrank (o - n is -(n - o) exactly); the other side's quotient is negative there and
            // can be read as 0, since both maxima start at 0. A NaN change (neither < 0 nor > 0) gives NaN to both sides,
            // and any NaN marks the step torn apart (BiLipschitzCertificate.Observe).
            var change = newDistance - oldDistance;
            var quotient = (Vector.Abs(change) - slack) / safe;
            _expansion = Vector.Max(_expansion, Vector.ConditionalSelect(Vector.LessThan(change, Vector<float>.Zero), Vector<float>.Zero, quotient));
            _contraction = Vector.Max(_contraction, Vector.ConditionalSelect(Vector.GreaterThan(change, Vector<float>.Zero), Vector<float>.Zero, quotient));
            _merges -= Vector.BitwiseAnd(Vector.GreaterThanOrEqual(oldDistance, _tolerance), Vector.LessThan(newDistance, _tolerance));
        }

        public void Add(float oldDistance, float newDistance)
        {
            float slack = allowance + RelativeSlack * oldDistance;
            float safe = Math.Max(oldDistance, 1e-30f);
            _tailExpansion = Math.Max(_tailExpansion, (newDistance - oldDistance - slack) / safe);
            _tailContraction = Math.Max(_tailContraction, (oldDistance - newDistance - slack) / safe);
            if (oldDistance >= mergeTolerance && newDistance < mergeTolerance) _tailMerges++;
        }

        public readonly StepDistortion Result(long pairs)
        {
            float expansion = _tailExpansion, contraction = _tailContraction;
            long merges = _tailMerges;
            for (int lane = 0; lane < Vector<float>.Count; lane++)
            {
                expansion = Math.Max(expansion, _expansion[lane]);
                contraction = Math.Max(contraction, _contraction[lane]);
                merges += _merges[lane];
            }
            return new StepDistortion(expansion, contraction, merges, pairs);
        }
    }
}
