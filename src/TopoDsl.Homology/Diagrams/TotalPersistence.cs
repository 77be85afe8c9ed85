namespace TopoDsl.Homology.Diagrams;

/// <summary>What <see cref="TotalPersistence"/> does with essential bars, whose persistence is infinite.</summary>
public enum EssentialBarPolicy
{
    /// <summary>Leave essential bars out of the sum.</summary>
    Exclude,

    /// <summary>Throw an <see cref="ArgumentException"/> when an essential bar is present.</summary>
    Reject,
}

/// <summary>The total persistence Σ (death − birth)^q of a diagram.</summary>
public static class TotalPersistence
{
    /// <summary>
    /// Σ (death − birth)^q over the finite bars. Essential bars (death = +inf) are excluded from the sum by default;
    /// pass <see cref="EssentialBarPolicy.Reject"/> to fail on them instead of silently ignoring them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">q is NaN, infinite or not positive, or the policy is unknown.</exception>
    /// <exception cref="ArgumentException">
    /// A bar has a NaN or infinite birth, a NaN death, or dies before it is born; or an essential bar is present
    /// under <see cref="EssentialBarPolicy.Reject"/>.
    /// </exception>
    public static double Compute(IReadOnlyList<PersistenceInterval> bars, double q = 1,
        EssentialBarPolicy essentialBars = EssentialBarPolicy.Exclude)
    {
        if (!double.IsFinite(q) || q <= 0)
            throw new ArgumentOutOfRangeException(nameof(q), q, "the exponent q must be a positive finite number");
        if (!Enum.IsDefined(essentialBars))
            throw new ArgumentOutOfRangeException(nameof(essentialBars), essentialBars, "unknown essential bar policy");
        var points = DiagramPoints.From(bars, nameof(bars));
        if (essentialBars == EssentialBarPolicy.Reject && points.EssentialBirths.Length > 0)
            throw new ArgumentException(
                $"the diagram has {points.EssentialBirths.Length} essential bar(s), whose persistence is infinite",
                nameof(bars));
        var sum = 0.0;
        for (var i = 0; i < points.Count; i++) sum += GroundMetric.Power(points.Deaths[i] - points.Births[i], q);
        return sum;
    }

    /// <summary>The total persistence of one homology dimension of a barcode.</summary>
    public static double Compute(Barcode barcode, int dimension, double q = 1,
        EssentialBarPolicy essentialBars = EssentialBarPolicy.Exclude)
    {
        ArgumentNullException.ThrowIfNull(barcode);
        return Compute(barcode[dimension], q, essentialBars);
    }
}
