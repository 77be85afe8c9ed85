using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.Rips;

internal sealed partial class RipsEngine<TMetric, TCursor>
{
    /// <summary>
    /// Builds the columns of <paramref name="dimension"/> from the simplices one dimension down: every cofacet
    /// within the threshold, minus those cleared (pivots of the dimension below) and those in apparent pairs.
    /// The full list of these simplices is kept only when a further dimension needs it.
    /// </summary>
    private (Simplex[] Columns, Simplex[] Simplices) AssembleColumns(Simplex[] facets, PivotMap pivots, int dimension)
    {
        bool keepSimplices = dimension < _maxDimension;
        var parts = ParallelChunks(facets.Length, (from, to) => AssembleChunk(facets, from, to, pivots, dimension, keepSimplices));

        var allColumns = Concatenate(parts.Select(p => p.Columns));
        var allSimplices = keepSimplices ? Concatenate(parts.Select(p => p.Simplices!)) : [];
        allColumns.AsSpan().Sort(new ReductionOrder());
        return (allColumns, allSimplices);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (List<Simplex> Columns, List<Simplex>? Simplices) AssembleChunk(Simplex[] facets, int from, int to,
        PivotMap pivots, int dimension, bool keepSimplices)
    {
        var columns = new List<Simplex>();
        var simplices = keepSimplices ? new List<Simplex>() : null;
        var apparent = new ApparentPairs(this);
        var cursor = _metric.CreateCursor(_binomials, _maxDimension + 1);
        // A cofacet built above the facet's top vertex has the new vertex first, then the facet's vertices.
        var vertices = new int[dimension + 1];
        for (int k = from; k < to; k++)
        {
            if ((k & 0xFFF) == 0) _cancellation.ThrowIfCancellationRequested();
            var facet = facets[k];
            _binomials.Vertices(facet.Index, dimension - 1, vertices.AsSpan(1));
            cursor.Start(facet.Index, facet.Diameter, vertices.AsSpan(1), aboveTopVertexOnly: true);
            while (cursor.MoveNext(_threshold))
            {
                var simplex = new Simplex(cursor.Diameter, cursor.Index);
                simplices?.Add(simplex);
                if (pivots.Contains(simplex.Index)) continue;
                vertices[0] = cursor.NewVertex;
                if (!apparent.IsInZeroApparentPair(simplex, dimension, vertices)) columns.Add(simplex);
            }
        }
        return (columns, simplices);
    }

    private static Simplex[] Concatenate(IEnumerable<List<Simplex>> lists)
    {
        var all = lists.ToList();
        var result = new Simplex[all.Sum(l => (long)l.Count)];
        long at = 0;
        foreach (var list in all)
        {
            list.CopyTo(result, (int)at);
            at += list.Count;
        }
        return result;
    }

    /// <summary>Runs body over [0, count) in contiguous chunks and returns the chunks' results in order.</summary>
    private T[] ParallelChunks<T>(long count, Func<int, int, T> body)
    {
        int chunks = _threads == 1 || count < 4096 ? 1 : (int)Math.Min(count / 1024, _threads * 16L);
        var results = new T[chunks];
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = _cancellation };
        if (chunks == 1) results[0] = body(0, (int)count);
        else
            Parallel.For(0, chunks, options, c =>
                results[c] = body((int)(count * c / chunks), (int)(count * (c + 1) / chunks)));
        return results;
    }
}
