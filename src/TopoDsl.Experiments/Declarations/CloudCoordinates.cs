namespace TopoDsl.Experiments;

/// <summary>The coordinates in which a neuron cloud's topology is measured.</summary>
public enum CloudCoordinates
{
    /// <summary>The neurons as they are (Yang et al.'s code).</summary>
    Raw,

    /// <summary>
    /// Each axis centred and divided by its standard deviation first. The figure-eight spans 0.2 in its first axis and 2
    /// in its second, so at 0.25 x the raw diameter its loops are filled in; standardised, they show.
    /// </summary>
    Standardized,
}
