using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>
/// The vector loop and the scalar tail must give the same float for the same entry, special values included
/// (NaN, signed zeros, infinities): otherwise results would depend on where an entry falls.
/// </summary>
public class VectorPathTests
{
    [Fact]
    public void Vector_and_scalar_loops_agree_on_special_values()
    {
        float[] special = [float.NaN, -0f, 0f, float.PositiveInfinity, float.NegativeInfinity, -1.5f, 2.5f, 1e-30f, -3f, 0.5f, float.NaN, -0f, 7f, -7f, 0f, 1f];
        float[] other = [0f, 0f, -0f, 1f, -1f, float.NaN, -0f, 2f, float.NaN, 0.5f, 1f, 0f, -0f, float.PositiveInfinity, 3f, -2f];
        int n = special.Length * 5; // long enough for the vector loop, whatever the vector width
        var values = Enumerable.Range(0, n).Select(i => special[i % special.Length]).ToArray();
        var gradient = Enumerable.Range(0, n).Select(i => other[(i * 7 + 3) % other.Length]).ToArray();
        var optimizer = OptimizerCompiler.Create("Special", "p = min(g, p) + max(g, p) - clamp(p, -1, 1) + relu(g) + abs(p) + where(g > p, p, g) - sqrt(p) + p^-1",
            Array.Empty<Hyperparameter>());
        var slot = GradientSlots.Create("w", values, [n]);
        GradientSlots.SetGradient(slot, gradient);
        optimizer.Step([slot], 1);
        for (int i = 0; i < n; i++)
        {
            float p = values[i], g = gradient[i];
            float expected = MathF.Min(g, p) + MathF.Max(g, p) - MathF.Min(MathF.Max(p, -1f), 1f) + MathF.Max(g, 0f) + MathF.Abs(p)
                + (g > p ? p : g) - MathF.Sqrt(p) + 1f / p;
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(slot.Values[i]),
                $"entry {i} (p = {p}, g = {g}): expected {expected:R}, got {slot.Values[i]:R}");
        }
    }
}
