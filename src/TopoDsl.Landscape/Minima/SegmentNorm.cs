namespace TopoDsl.Landscape.Minima;

/// <summary>How <see cref="ObstructionScore"/> aggregates the segment lengths.</summary>
public enum SegmentNorm
{
    /// <summary>√(Σ ℓ²), the default.</summary>
    L2,

    /// <summary>Σ ℓ.</summary>
    L1,

    /// <summary>max ℓ.</summary>
    Max,
}
