using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.IO;

/// <summary>Small hand-made results for the writer tests.</summary>
internal static class SampleResults
{
    public static readonly PersistenceInterval Loop = new(1, Math.Sqrt(2));

    /// <summary>The 2x3 grid of ripser's hexagon example: five H0 deaths at 1, one component, two H1 bars.</summary>
    public static RipsResult Hexagon(bool withCocycles = false) => new()
    {
        Barcode = new Barcode(
        [
            [.. Enumerable.Repeat(new PersistenceInterval(0, 1), 5), new PersistenceInterval(0, double.PositiveInfinity)],
            [Loop, new PersistenceInterval(1, 1.4142135381698608)],
        ]),
        Threshold = 1.4142135f,
        ThresholdIsEnclosingRadius = true,
        PointCount = 6,
        Cocycles = withCocycles
            ? [new Cocycle(1, Loop, [new CocycleEntry([1, 0], 1), new CocycleEntry([4, 1], 1)])]
            : [],
    };
}
