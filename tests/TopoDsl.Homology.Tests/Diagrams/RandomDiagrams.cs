using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>Seeded random persistence diagrams for the oracle and cross-check tests.</summary>
internal static class RandomDiagrams
{
    /// <summary>Births uniform in [0, 1), persistence skewed towards the diagonal, as in real diagrams.</summary>
    public static PersistenceInterval[] Uniform(Random random, int finite, int essential = 0)
    {
        var bars = new List<PersistenceInterval>();
        for (var i = 0; i < finite; i++)
        {
            var birth = random.NextDouble();
            bars.Add(new PersistenceInterval(birth, birth + random.NextDouble() * random.NextDouble() + 1e-3));
        }
        for (var i = 0; i < essential; i++) bars.Add(new PersistenceInterval(random.NextDouble(), double.PositiveInfinity));
        return bars.ToArray();
    }

    /// <summary>Quarter-integer coordinates, so equal distances (ties) are common; no point lies on the diagonal.</summary>
    public static PersistenceInterval[] Grid(Random random, int finite, int essential = 0)
    {
        var bars = new List<PersistenceInterval>();
        for (var i = 0; i < finite; i++)
        {
            var birth = random.Next(0, 40) / 4.0;
            bars.Add(new PersistenceInterval(birth, birth + random.Next(1, 16) / 4.0));
        }
        for (var i = 0; i < essential; i++) bars.Add(new PersistenceInterval(random.Next(0, 40) / 4.0, double.PositiveInfinity));
        return bars.ToArray();
    }
}
