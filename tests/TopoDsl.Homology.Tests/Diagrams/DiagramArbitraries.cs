using FsCheck;
using FsCheck.Fluent;
using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>A persistence diagram generated for a property test.</summary>
public sealed record Diagram(PersistenceInterval[] Bars)
{
    public override string ToString() => "{" + string.Join(", ", Bars) + "}";
}

/// <summary>Two diagrams small enough for the brute force: at most 7 finite points together, 2 essential bars each.</summary>
public sealed record TinyDiagramPair(Diagram A, Diagram B);

public static class DiagramArbitraries
{
    public static Arbitrary<Diagram> Diagrams() => Arb.From(DiagramOf(maxFinite: 10, maxEssential: 2));

    public static Arbitrary<TinyDiagramPair> TinyPairs() =>
        Arb.From(
            from finiteA in Gen.Choose(0, 4)
            from finiteB in Gen.Choose(0, 7 - finiteA)
            from a in DiagramOf(finiteA, finiteA, 0, 2)
            from b in DiagramOf(finiteB, finiteB, 0, 2)
            select new TinyDiagramPair(a, b));

    private static Gen<Diagram> DiagramOf(int maxFinite, int maxEssential) =>
        from finite in Gen.Choose(0, maxFinite)
        from diagram in DiagramOf(finite, finite, 0, maxEssential)
        select diagram;

    // Essential bars are rare so that most pairs of diagrams are at a finite distance.
    private static Gen<Diagram> DiagramOf(int minFinite, int maxFinite, int minEssential, int maxEssential) =>
        from finite in Gen.Choose(minFinite, maxFinite)
        from essential in Gen.Frequency((4, Gen.Constant(minEssential)), (1, Gen.Choose(minEssential, maxEssential)))
        from finiteBars in Gen.ArrayOf(FiniteBar, finite)
        from births in Gen.ArrayOf(Coordinate, essential)
        select new Diagram(finiteBars.Concat(births.Select(b => new PersistenceInterval(b, double.PositiveInfinity))).ToArray());

    private static readonly Gen<PersistenceInterval> FiniteBar =
        from birth in Coordinate
        from persistence in Gen.Frequency((1, Gen.Constant(0.0)), (6, Coordinate))
        select new PersistenceInterval(birth, birth + persistence);

    /// <summary>Mostly quarter-integers, so that equal distances (ties) are common; sometimes arbitrary values.</summary>
    private static Gen<double> Coordinate =>
        Gen.Frequency(
            (3, Gen.Choose(0, 16).Select(k => k / 4.0)),
            (1, Gen.Choose(0, 1_000_000).Select(k => k * 4e-6)));
}
