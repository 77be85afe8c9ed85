using FsCheck;
using FsCheck.Fluent;
using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>
/// The O(n m) path for diagrams whose points share one birth (Rips H0) against the general matching search and, on
/// tiny diagrams, the brute force over all matchings.
/// </summary>
public class EqualBirthBottleneckTests
{
    [Fact]
    public void Equal_births_on_random_diagrams_agree_with_the_general_search()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            double birth = random.Next(3) == 0 ? 0 : Math.Round(random.NextDouble() * 4, 1);
            var a = Bars(random, birth, random.Next(0, 40));
            var b = Bars(random, birth, random.Next(0, 40));
            var pointsA = DiagramPoints.From(a, "a");
            var pointsB = DiagramPoints.From(b, "b");
            if (!EqualBirthBottleneck.Applies(pointsA, pointsB)) return true.Label("no points");
            double fast = EqualBirthBottleneck.Compute(pointsA, pointsB);
            double general = BottleneckSearch.Compute(pointsA, pointsB, new GroundMetric(double.PositiveInfinity));
            return (fast == general).Label($"seed {seed}: {fast} vs {general}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Equal_births_on_tiny_diagrams_agree_with_the_brute_force()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 300; trial++)
        {
            var a = Bars(random, 0, random.Next(0, 5));
            var b = Bars(random, 0, random.Next(0, 5));
            double expected = BruteForceDiagramDistance.Bottleneck(a, b, double.PositiveInfinity);
            Assert.Equal(expected, BottleneckDistance.Compute(a, b), 9);
        }
    }

    // Deaths on a coarse grid, so that ties between distances are common.
    private static PersistenceInterval[] Bars(Random random, double birth, int count) =>
        Enumerable.Range(0, count).Select(_ => new PersistenceInterval(birth, birth + random.Next(0, 30) * 0.25)).ToArray();
}
