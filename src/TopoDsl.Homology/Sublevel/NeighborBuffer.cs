using System.Runtime.CompilerServices;
namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// The k best candidates seen so far for one query, kept sorted by (squared distance, index) so that ties
/// in distance go to the lower index, whatever order the candidates arrive in.
/// </summary>
internal sealed class NeighborBuffer
{
    private readonly double[] _squaredDistances;
    private readonly int[] _indices;

    public NeighborBuffer(int capacity)
    {
        _squaredDistances = new double[capacity];
        _indices = new int[capacity];
    }

    public int Count { get; private set; }

    public bool IsFull => Count == _indices.Length;

    /// <summary>The largest kept squared distance; only meaningful when full.</summary>
    public double WorstSquaredDistance => _squaredDistances[Count - 1];

    /// <summary>A candidate farther than this cannot enter (+infinity until full).</summary>
    public double AdmissionBound => IsFull ? _squaredDistances[Count - 1] : double.PositiveInfinity;

    public void Clear() => Count = 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Offer(double squaredDistance, int index)
    {
        if (IsFull && !Precedes(squaredDistance, index, _squaredDistances[Count - 1], _indices[Count - 1])) return;
        int slot = IsFull ? Count - 1 : Count++;
        while (slot > 0 && Precedes(squaredDistance, index, _squaredDistances[slot - 1], _indices[slot - 1]))
        {
            _squaredDistances[slot] = _squaredDistances[slot - 1];
            _indices[slot] = _indices[slot - 1];
            slot--;
        }
        _squaredDistances[slot] = squaredDistance;
        _indices[slot] = index;
    }

    public void CopyTo(Span<int> indices, Span<double> squaredDistances)
    {
        _indices.AsSpan(0, Count).CopyTo(indices);
        _squaredDistances.AsSpan(0, Count).CopyTo(squaredDistances);
    }

    private static bool Precedes(double d2, int index, double otherD2, int otherIndex) =>
        d2 < otherD2 || (d2 == otherD2 && index < otherIndex);
}
