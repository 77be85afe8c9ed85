using TopoDsl.Dsl;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;

namespace TopoDsl.Generators.Tests.Properties;

/// <summary>
/// Measures the slope of an optimizer's parameter after a few steps, in its start value and every step's
/// gradient, by finite differences: pairs of points in the query's box, at several distances, with entries that
/// are exactly 0 or tiny (where roots and quotients are steepest). Each run starts from a fresh optimizer, so
/// states start at their initial values and noise at its seed.
/// </summary>
public static class SlopeMeasurement
{
    private static readonly double[] Distances = [0.1, 1e-2, 1e-3];

    /// <summary>
    /// The worst pair: how far its slope exceeds <paramref name="bound"/> beyond float32 rounding (&lt;= 0 when within),
    /// a description, and the largest measured slope, less the rounding allowance, as a fraction of the bound.
    /// </summary>
    public static (double Excess, string Where, double Ratio) Worst(Func<IOptimizer> create, SlopeQuery query, double bound, Random random)
    {
        (double Excess, string Where) worst = (double.NegativeInfinity, "");
        double ratio = 0;
        int inputs = query.Rows * query.Columns * (query.Steps + 1);
        for (int trial = 0; trial < 12; trial++)
        {
            var x = BasePoint(random, inputs, query.InputBound, trial);
            double distance = Distances[trial % Distances.Length];
            var y = x.Select(v => Math.Clamp(v + (random.Next(4) == 0 ? 0 : (random.NextDouble() * 2 - 1) * distance), -query.InputBound, query.InputBound))
                .Select(v => (double)(float)v).ToArray();
            double moved = x.Zip(y, (a, b) => Math.Abs(a - b)).Max();
            if (moved == 0) continue;
            var fx = Run(create, query, x);
            var fy = Run(create, query, y);
            if (fx.Concat(fy).Any(v => !float.IsFinite(v)))
                return (double.PositiveInfinity, $"trial {trial}: a non-finite parameter at inputs within the box (bound {bound:R})", double.PositiveInfinity);
            double change = fx.Zip(fy, (a, b) => Math.Abs((double)a - b)).Max();
            double magnitude = fx.Concat(fy).Max(v => Math.Abs((double)v));
            // Each float32 result is off by a few ulps of the values it was computed from.
            double rounding = 1e-6 * (1 + magnitude) / moved;
            double excess = change / moved - bound * (1 + 1e-3) - rounding;
            if (bound > 0) ratio = Math.Max(ratio, (change / moved - rounding) / bound);
            if (excess > worst.Excess || worst.Where.Length == 0) worst = (excess, $"trial {trial}: slope {change / moved:R} over a distance {moved:R} (bound {bound:R}, rounding allowance {rounding:R})");
        }
        return (worst.Excess, worst.Where, ratio);
    }

    /// <summary>Random inputs in the box; some entries exactly 0 or tiny, and in the first trials all gradients 0.</summary>
    private static double[] BasePoint(Random random, int count, double bound, int trial)
    {
        var x = new double[count];
        for (int i = 0; i < count; i++)
            x[i] = trial < 2 ? 0 : random.Next(6) switch
            {
                0 => 0,
                1 => (random.Next(2) * 2 - 1) * 1e-7,
                2 => (random.Next(2) * 2 - 1) * 1e-30,
                _ => (float)((random.NextDouble() * 2 - 1) * bound),
            };
        return x;
    }

    /// <summary>The parameter after the steps: inputs are the start values, then each step's gradient.</summary>
    private static float[] Run(Func<IOptimizer> create, SlopeQuery query, double[] inputs)
    {
        int n = query.Rows * query.Columns;
        var optimizer = create();
        var slot = GradientSlots.Create("w", inputs.Take(n).Select(v => (float)v).ToArray(), [query.Rows, query.Columns], new NeuronAxis(0, query.Rows));
        for (int step = 1; step <= query.Steps; step++)
        {
            GradientSlots.SetGradient(slot, inputs.Skip(step * n).Take(n).Select(v => (float)v).ToArray());
            optimizer.Step([slot], step);
        }
        return slot.Values.ToArray();
    }
}
