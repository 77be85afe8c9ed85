namespace TopoDsl.Dsl.Tests.Support;

/// <summary>Seeded values for parameters and gradients (the slots themselves come from TestSupport's GradientSlots).</summary>
public static class Slots
{
    public static float[] Random(Random random, int count, float scale = 1f) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();
}
