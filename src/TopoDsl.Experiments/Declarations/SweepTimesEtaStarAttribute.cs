namespace TopoDsl.Experiments;

/// <summary>
/// Sweeps the step size as multiples of η* = 1/K, with K the sharpness measured at initialisation for each seed:
/// <c>[SweepTimesEtaStar(0.5, 2)] public double lr;</c> runs η = 0.5/K and 2/K. Only on the step-size member, and
/// not together with an absolute value for it.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false)]
public sealed class SweepTimesEtaStarAttribute(params double[] multiples) : Attribute
{
    /// <summary>The multiples of η*.</summary>
    public double[] Multiples { get; } = multiples;
}
