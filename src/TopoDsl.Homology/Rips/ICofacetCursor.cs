namespace TopoDsl.Homology.Rips;

/// <summary>
/// Walks the cofacets of one simplex in decreasing combinatorial index, computing each cofacet's index and
/// diameter on the fly: the coboundary matrix is never stored (Ripser's implicit coboundary).
/// </summary>
internal interface ICofacetCursor
{
    /// <summary>Starts on the simplex; with <paramref name="aboveTopVertexOnly"/>, yields only the cofacets whose
    /// new vertex is larger than all of the simplex's, so each (d+1)-simplex is produced from exactly one facet.</summary>
    void Start(long index, float diameter, int dimension, bool aboveTopVertexOnly);

    /// <summary>As <see cref="Start"/>, for a simplex whose vertices (descending) the caller already knows.</summary>
    void Start(long index, float diameter, ReadOnlySpan<int> descendingVertices, bool aboveTopVertexOnly);

    /// <summary>Advances to the next cofacet whose diameter is at most <paramref name="maxDiameter"/>.</summary>
    bool MoveNext(float maxDiameter);

    long Index { get; }
    float Diameter { get; }

    /// <summary>The vertex the current cofacet adds to the simplex.</summary>
    int NewVertex { get; }

    /// <summary>How many of the simplex's vertices lie below the new vertex: the incidence sign is (-1)^Position.</summary>
    int Position { get; }
}

/// <summary>A metric the Rips engine runs on: dense matrix or sparse neighbour lists.</summary>
internal interface IRipsMetric<TCursor> where TCursor : struct, ICofacetCursor
{
    int VertexCount { get; }

    /// <summary>d(i, j) for i != j; +infinity for a pair a sparse metric does not list.</summary>
    float Distance(int i, int j);

    TCursor CreateCursor(BinomialTable binomials, int maxDimension);
}
