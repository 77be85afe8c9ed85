namespace TopoDsl.Homology.Tests.Sublevel;

/// <summary>A vertex-valued graph for tests, with seeded random generators.</summary>
public sealed record RandomGraph(double[] Values, int[] Sources, int[] Targets)
{
    /// <summary>Uniform random edges (self-loops and duplicates possible); values drawn from a few integers so ties are common.</summary>
    public static RandomGraph WithTies(Random rng, int vertices, int edges, int distinctValues)
    {
        var values = Enumerable.Range(0, vertices).Select(_ => (double)rng.Next(distinctValues)).ToArray();
        return WithEdges(rng, values, edges);
    }

    /// <summary>Uniform random edges, standard normal values (ties almost surely absent).</summary>
    public static RandomGraph Gaussian(Random rng, int vertices, int edges)
    {
        var values = Enumerable.Range(0, vertices).Select(_ => StandardNormal(rng)).ToArray();
        return WithEdges(rng, values, edges);
    }

    public static double StandardNormal(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble();
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static RandomGraph WithEdges(Random rng, double[] values, int edges)
    {
        var sources = new int[edges];
        var targets = new int[edges];
        for (int e = 0; e < edges; e++)
        {
            sources[e] = rng.Next(values.Length);
            targets[e] = rng.Next(values.Length);
        }
        return new RandomGraph(values, sources, targets);
    }
}
