namespace TopoDsl.Generators.Tests.Harness;

/// <summary>Seeded normal values for parameters and gradients (the slots themselves come from TestSupport's GradientSlots).</summary>
public static class Slots
{
    public static float[] Normal(Random random, int count, double scale = 1.0)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            values[i] = (float)(scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return values;
    }
}
