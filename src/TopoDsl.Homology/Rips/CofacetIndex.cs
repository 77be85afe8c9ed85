using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// The combinatorial index of a simplex's cofacets as the candidate new vertex descends. The simplex's index
/// splits into the part of its vertices above the candidate, each of which moves up one place in the cofacet,
/// and the part below, which keeps its places; passing a vertex moves its term from one part to the other.
/// Both cofacet cursors share this bookkeeping.
/// </summary>
internal struct CofacetIndex
{
    private long _indexBelow, _indexAbove;

    /// <summary>How many of the simplex's vertices lie below the candidate: the cofacet's incidence-sign exponent.</summary>
    public int Position;

    public void Reset(long simplexIndex, int dimension)
    {
        _indexBelow = simplexIndex;
        _indexAbove = 0;
        Position = dimension + 1;
    }

    /// <summary>The candidate has descended past the simplex's vertex <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Pass(int v, BinomialTable binomials)
    {
        _indexBelow -= binomials[v, Position];
        _indexAbove += binomials[v, Position + 1];
        Position--;
    }

    /// <summary>The index of the cofacet that adds vertex <paramref name="w"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly long With(int w, BinomialTable binomials) => _indexAbove + binomials[w, Position + 1] + _indexBelow;
}
