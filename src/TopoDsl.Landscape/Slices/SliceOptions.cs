namespace TopoDsl.Landscape.Slices;

/// <summary>The grid of a 2-D loss slice: θ + α d₁ + β d₂ for α and β evenly spaced over their ranges.</summary>
public sealed record SliceOptions
{
    /// <summary>Points along each axis (default 51, Li et al.'s).</summary>
    public int Resolution { get; init; } = 51;

    /// <summary>The range of α, the first direction's coefficient (default -1 to 1).</summary>
    public (double Low, double High) AlphaRange { get; init; } = (-1, 1);

    /// <summary>The range of β, the second direction's coefficient (default -1 to 1).</summary>
    public (double Low, double High) BetaRange { get; init; } = (-1, 1);

    /// <summary>
    /// Samples evaluated at once (default 256: the first layer's three products for 256 samples of a 256-wide layer fit in
    /// a 2 MB L2 cache; 1024 took twice as long per grid point on this project's machine). Memory grows with it and with
    /// the width of the first layer.
    /// </summary>
    public int ChunkRows { get; init; } = 256;

    internal void Validate()
    {
        if (Resolution < 2) throw new ArgumentException($"SliceOptions.Resolution: need at least 2 points per axis, not {Resolution}", "options");
        if (!(AlphaRange.High > AlphaRange.Low) || !double.IsFinite(AlphaRange.Low) || !double.IsFinite(AlphaRange.High))
            throw new ArgumentException($"SliceOptions.AlphaRange: {AlphaRange} must be finite with Low < High", "options");
        if (!(BetaRange.High > BetaRange.Low) || !double.IsFinite(BetaRange.Low) || !double.IsFinite(BetaRange.High))
            throw new ArgumentException($"SliceOptions.BetaRange: {BetaRange} must be finite with Low < High", "options");
        if (ChunkRows < 1) throw new ArgumentException($"SliceOptions.ChunkRows: must be 1 or more, not {ChunkRows}", "options");
    }
}
