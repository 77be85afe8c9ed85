using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Rips;

/// <summary>The outcome of a Vietoris–Rips persistence computation.</summary>
public sealed class RipsResult
{
    public required Barcode Barcode { get; init; }

    /// <summary>The filtration threshold used (inclusive): the caller's, or the enclosing radius.</summary>
    public required float Threshold { get; init; }

    /// <summary>True when no threshold was given and the enclosing radius was used.</summary>
    public required bool ThresholdIsEnclosingRadius { get; init; }

    public required int PointCount { get; init; }

    /// <summary>Representative cocycles of the finite bars of dimension 1, when requested.</summary>
    public IReadOnlyList<Cocycle> Cocycles { get; init; } = [];
}
