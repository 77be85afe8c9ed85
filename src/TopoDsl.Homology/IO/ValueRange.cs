namespace TopoDsl.Homology.IO;

/// <summary>
/// The smallest and largest finite distance between two distinct points (zeros between duplicate points count;
/// the diagonal does not). With fewer than two points it is [+inf, -inf], which ripser prints as <c>[inf,-inf]</c>.
/// </summary>
public readonly record struct ValueRange(float Min, float Max)
{
    public static ValueRange Empty => new(float.PositiveInfinity, float.NegativeInfinity);
}
