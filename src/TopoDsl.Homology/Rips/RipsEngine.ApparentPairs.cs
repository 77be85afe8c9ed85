using System.Runtime.CompilerServices;
namespace TopoDsl.Homology.Rips;

internal sealed partial class RipsEngine<TMetric, TCursor>
{
    /// <summary>
    /// Detects apparent pairs: a simplex whose zero-persistence pivot cofacet has it as zero-persistence pivot
    /// facet. Such pairs are read off locally, so their columns are never built. One instance per thread.
    /// </summary>
    private sealed class ApparentPairs
    {
        private readonly RipsEngine<TMetric, TCursor> _engine;
        private TCursor _cursor;
        private readonly int[] _vertices;
        private readonly float[] _pairDistances;

        public ApparentPairs(RipsEngine<TMetric, TCursor> engine)
        {
            _engine = engine;
            _cursor = engine._metric.CreateCursor(engine._binomials, engine._maxDimension + 1);
            _vertices = new int[engine._maxDimension + 3];
            _pairDistances = new float[(engine._maxDimension + 3) * (engine._maxDimension + 3)];
        }

        /// <summary>The cofacet with the simplex's diameter and the largest index, or -1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public long ZeroPivotCofacet(long index, float diameter, int dimension)
        {
            _cursor.Start(index, diameter, dimension, aboveTopVertexOnly: false);
            return _cursor.MoveNext(diameter) ? _cursor.Index : -1;
        }

        /// <summary>ZeroPivotCofacet of the facet just found by ZeroPivotFacet, reusing its decoded vertices.</summary>
        private long ZeroPivotCofacetOfFacet(long facet, float diameter, int dimension, int removedPosition)
        {
            int removedSlot = dimension - removedPosition;
            Span<int> facetVertices = stackalloc int[dimension];
            for (int i = 0, at = 0; i <= dimension; i++)
                if (i != removedSlot) facetVertices[at++] = _vertices[i];
            _cursor.Start(facet, diameter, facetVertices, aboveTopVertexOnly: false);
            return _cursor.MoveNext(diameter) ? _cursor.Index : -1;
        }

        /// <summary>
        /// The facet with the simplex's diameter and the smallest index, or -1; <paramref name="sign"/> is the
        /// simplex's incidence coefficient in the facet's coboundary, as (-1)^position of the removed vertex.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public long ZeroPivotFacet(long index, float diameter, int dimension, out int removedPosition)
        {
            _engine._binomials.Vertices(index, dimension, _vertices);
            return ZeroPivotFacetOfDecoded(diameter, dimension, out removedPosition);
        }

        /// <summary>ZeroPivotFacet for the simplex whose vertices (descending) are already in _vertices.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private long ZeroPivotFacetOfDecoded(float diameter, int dimension, out int removedPosition)
        {
            int m = dimension + 1;
            var v = _vertices;
            var pd = _pairDistances;
            for (int a = 0; a < m; a++)
                for (int b = a + 1; b < m; b++)
                    pd[a * m + b] = _engine._metric.Distance(v[a], v[b]);

            var binomials = _engine._binomials;
            // Removing the largest vertex first gives the facets in increasing index order.
            for (int r = 0; r < m; r++)
            {
                float facetDiameter = 0;
                for (int a = 0; a < m && facetDiameter < diameter; a++)
                {
                    if (a == r) continue;
                    for (int b = a + 1; b < m; b++)
                        if (b != r && pd[a * m + b] > facetDiameter) facetDiameter = pd[a * m + b];
                }
                if (facetDiameter != diameter) continue;

                long facet = 0;
                for (int i = 0; i < m; i++)
                {
                    if (i == r) continue;
                    facet += binomials[v[i], i < r ? m - 1 - i : m - i];
                }
                removedPosition = m - 1 - r;
                return facet;
            }
            removedPosition = 0;
            return -1;
        }

        /// <summary>True when the simplex is the lower half of an apparent pair (its column is never reduced).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool HasZeroApparentCofacet(Simplex simplex, int dimension)
        {
            long cofacet = ZeroPivotCofacet(simplex.Index, simplex.Diameter, dimension);
            return cofacet >= 0 && ZeroPivotFacet(cofacet, simplex.Diameter, dimension + 1, out _) == simplex.Index;
        }

        /// <summary>
        /// True when the simplex is the upper half of an apparent pair; <paramref name="facet"/> is its partner,
        /// with the simplex's incidence sign in the partner's coboundary as coefficient.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool HasZeroApparentFacet(long index, float diameter, int dimension, out Term facet)
        {
            long f = ZeroPivotFacet(index, diameter, dimension, out int position);
            if (f >= 0 && ZeroPivotCofacetOfFacet(f, diameter, dimension, position) == index)
            {
                facet = new Term(diameter, f, _engine._field.Sign(position));
                return true;
            }
            facet = Term.None;
            return false;
        }

        public bool IsInZeroApparentPair(Simplex simplex, int dimension) =>
            HasZeroApparentFacet(simplex.Index, simplex.Diameter, dimension, out _) ||
            HasZeroApparentCofacet(simplex, dimension);

        /// <summary>As <see cref="IsInZeroApparentPair(Simplex, int)"/> for a simplex whose vertices the caller knows.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool IsInZeroApparentPair(Simplex simplex, int dimension, ReadOnlySpan<int> descendingVertices)
        {
            descendingVertices.CopyTo(_vertices);
            long f = ZeroPivotFacetOfDecoded(simplex.Diameter, dimension, out int position);
            if (f >= 0 && ZeroPivotCofacetOfFacet(f, simplex.Diameter, dimension, position) == simplex.Index) return true;
            _cursor.Start(simplex.Index, simplex.Diameter, descendingVertices, aboveTopVertexOnly: false);
            if (!_cursor.MoveNext(simplex.Diameter)) return false;
            long cofacet = _cursor.Index;
            return ZeroPivotFacet(cofacet, simplex.Diameter, dimension + 1, out _) == simplex.Index;
        }
    }
}
