namespace TopoDsl.Landscape.Homotopy;

/// <summary>
/// What the straight-line homotopy between two training paths found: the level the paths themselves reach (the higher
/// of their two highest losses) and the highest loss on the grid between them. The barrier, highest minus level, is
/// kept rather than a yes or no, so that the tolerance can be swept afterwards.
/// </summary>
public sealed record HomotopyResult(double FirstPathHighest, double SecondPathHighest, double HomotopyHighest, double AtPathFraction, double AtBlend)
{
    /// <summary>The higher of the two paths' highest losses.</summary>
    public double Level => Math.Max(FirstPathHighest, SecondPathHighest);

    /// <summary>How far the homotopy climbs above <see cref="Level"/> (0 or less when it never does).</summary>
    public double Barrier => HomotopyHighest - Level;

    /// <summary>Homotopic at this tolerance: the homotopy stays at or below the level plus the tolerance.</summary>
    public bool HomotopicWithin(double tolerance) => Barrier <= tolerance;
}
