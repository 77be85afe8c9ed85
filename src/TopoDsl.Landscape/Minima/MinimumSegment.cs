namespace TopoDsl.Landscape.Minima;

/// <summary>
/// The segment of one local minimum in the barcode of minima (Barannikov et al.): from its loss to the lowest barrier
/// over which it reaches a lower minimum, possibly through others; <see cref="EscapesTo"/> is the lower minimum it
/// joins there.
/// </summary>
public readonly record struct MinimumSegment(int Minimum, double Loss, double Saddle, int EscapesTo)
{
    /// <summary>The obligatory climb to escape the minimum toward a better one: saddle minus loss.</summary>
    public double Length => Saddle - Loss;
}
