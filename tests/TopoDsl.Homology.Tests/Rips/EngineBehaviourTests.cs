using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.Rips;

public class EngineBehaviourTests
{
    [Fact]
    public void Thread_count_does_not_change_the_barcode()
    {
        var cloud = RandomClouds.Uniform(21, 150, 3);
        var one = VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = 2, Threads = 1 }).Barcode;
        var two = VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = 2, Threads = 2 }).Barcode;
        BarcodeAssert.Equal(Enumerable.Range(0, 3).Select(d => one[d]).ToList(), two, relativeTolerance: 0);
    }

    [Fact]
    public void Index_overflow_is_refused_with_the_limit_named()
    {
        var cloud = RandomClouds.Uniform(22, 70, 2);
        var error = Assert.Throws<SimplexIndexOverflowException>(() =>
            VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = 40, Threads = 1 }));
        Assert.Contains("70 points", error.Message);
        Assert.Contains("64-bit index", error.Message);
    }

    [Fact]
    public void Z_p_coefficients_lower_the_index_limit_and_the_message_says_why()
    {
        // C(5000, 5) is about 2.6e16: it fits a plain 63-bit index but not the 47 bits left beside a Z/p coefficient.
        var oneEdge = new SparseDistances(5000, new[] { 0 }, new[] { 1 }, new[] { 1f });
        var z2 = VietorisRips.Compute(oneEdge, new RipsOptions { MaxDimension = 3, Threads = 1 });
        Assert.Single(z2.Barcode[0], bar => bar.Death == 1);
        var error = Assert.Throws<SimplexIndexOverflowException>(() =>
            VietorisRips.Compute(oneEdge, new RipsOptions { MaxDimension = 3, Modulus = 3, Threads = 1 }));
        Assert.Contains("Z/p coefficients take 16 of its bits", error.Message);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    [InlineData(0)]
    public void A_modulus_that_is_not_prime_is_refused(int modulus)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            VietorisRips.Compute(RandomClouds.Uniform(23, 5, 2), new RipsOptions { Modulus = modulus }));
        Assert.Equal("Modulus", error.ParamName);
    }

    [Fact]
    public void A_noisy_circle_has_one_long_loop()
    {
        var result = VietorisRips.Compute(RandomClouds.NoisyCircle(24, 100, 0.1), new RipsOptions { MaxDimension = 1, Threads = 1 });
        var loops = result.Barcode[1].OrderByDescending(b => b.Persistence).ToList();
        Assert.True(loops[0].Persistence > 1.0, $"longest H1 bar {loops[0]}");
        Assert.True(loops.Skip(1).All(b => b.Persistence < 0.3), "only one long loop");
        Assert.Equal(1, result.Barcode.BettiNumber(1, 1.0));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Cocycles_of_finite_H1_bars_are_cocycles_that_contain_their_birth_edge(int modulus)
    {
        var cloud = RandomClouds.NoisyCircle(25, 40, 0.4);
        var result = VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = 1, Cocycles = true, Modulus = modulus, Threads = 1 });
        var finite = result.Barcode[1].Where(b => !b.IsEssential).ToList();
        Assert.Equal(finite.Count, result.Cocycles.Count);
        foreach (var cocycle in result.Cocycles)
        {
            // On the complex at scale t in [birth, death) the cochain must vanish on every triangle's boundary.
            double t = cocycle.Bar.Birth;
            var value = new Dictionary<(int, int), int>();
            foreach (var entry in cocycle.Entries)
                value[(entry.Vertices[0], entry.Vertices[1])] = entry.Coefficient % modulus;
            Assert.Contains(cocycle.Entries, e => Math.Abs(cloud.Distance(e.Vertices[0], e.Vertices[1]) - t) < 1e-6);
            int n = cloud.Count;
            for (int a = 0; a < n; a++)
                for (int b = a + 1; b < n; b++)
                    for (int c = b + 1; c < n; c++)
                    {
                        if (Math.Max(cloud.Distance(a, b), Math.Max(cloud.Distance(a, c), cloud.Distance(b, c))) > t) continue;
                        int coboundary = (Get(value, b, c) - Get(value, a, c) + Get(value, a, b)) % modulus;
                        Assert.True((coboundary + modulus) % modulus == 0, $"not a cocycle on triangle {a},{b},{c} for {cocycle.Bar}");
                    }
        }
    }

    private static int Get(Dictionary<(int, int), int> value, int i, int j) => value.TryGetValue((i, j), out int v) ? v : 0;
}
