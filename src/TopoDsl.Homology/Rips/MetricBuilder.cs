using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.Rips;

/// <summary>Turns the public inputs into the engine's metrics: full dense matrices or sparse neighbour lists.</summary>
internal static class MetricBuilder
{
    /// <summary>The full n x n Euclidean distance matrix, rows in parallel.</summary>
    public static float[] FullMatrix(PointCloud points, int threads) => FillFullMatrix(points, threads, new float[(long)points.Count * points.Count]);

    /// <summary>The distances of all pairs into <paramref name="full"/> (at least n^2 long), row-major, zero on the diagonal.</summary>
    private static float[] FillFullMatrix(PointCloud points, int threads, float[] full)
    {
        int n = points.Count;
        for (int i = 0; i < n; i++) full[(long)i * n + i] = 0;
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            for (int j = 0; j < i; j++)
            {
                float d = points.Distance(i, j);
                full[(long)i * n + j] = d;
                full[(long)j * n + i] = d;
            }
        });
        return full;
    }

    /// <summary>A triangular matrix expanded to full rows.</summary>
    public static float[] FullMatrix(DistanceMatrix matrix)
    {
        int n = matrix.Count;
        var full = new float[(long)n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
            {
                float d = matrix[i, j];
                full[(long)i * n + j] = d;
                full[(long)j * n + i] = d;
            }
        return full;
    }

    /// <summary>min_i max_j d(i, j): beyond it the Rips complex is a cone, so its homology no longer changes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe float EnclosingRadius(DenseMetric metric)
    {
        int n = metric.VertexCount;
        if (n <= 1) return 0;
        float radius = float.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            float* row = metric.Data + (long)i * n;
            float eccentricity = 0;
            for (int j = 0; j < n; j++)
                if (j != i && row[j] > eccentricity) eccentricity = row[j];
            radius = Math.Min(radius, eccentricity);
        }
        return radius;
    }

    /// <summary>All edges within the threshold, by index C(i, 2) + j for i &gt; j.</summary>
    /// <remarks>Rows are counted before the array is allocated: a growing list would copy, and briefly hold, up to three times the edges.</remarks>
    public static unsafe Simplex[] Edges(DenseMetric metric, float threshold, int threads)
    {
        int n = metric.VertexCount;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var rowStart = new long[n + 1];
        Parallel.For(1, n, options, i => rowStart[i + 1] = CountWithin(metric.Data + (long)i * n, i, threshold));
        for (int i = 0; i < n; i++) rowStart[i + 1] += rowStart[i];
        var edges = new Simplex[rowStart[n]];
        Parallel.For(1, n, options, i =>
        {
            float* row = metric.Data + (long)i * n;
            long rowBase = (long)i * (i - 1) / 2, at = rowStart[i];
            for (int j = 0; j < i; j++)
                if (row[j] <= threshold) edges[at++] = new Simplex(row[j], rowBase + j);
        });
        return edges;
    }

    private static unsafe long CountWithin(float* row, int length, float threshold)
    {
        long count = 0;
        for (int j = 0; j < length; j++)
            if (row[j] <= threshold) count++;
        return count;
    }

    public static Simplex[] Edges(SparseMetric metric)
    {
        var edges = new Simplex[metric.EdgeCount];
        long at = 0;
        for (int i = 0; i < metric.VertexCount; i++)
        {
            long rowBase = (long)i * (i - 1) / 2;
            for (int k = metric.Offsets[i]; k < metric.Offsets[i + 1]; k++)
            {
                int j = metric.Neighbours[k];
                if (j >= i) break;
                edges[at++] = new Simplex(metric.Distances[k], rowBase + j);
            }
        }
        return edges;
    }

    /// <summary>Neighbour lists of the point pairs within the threshold.</summary>
    /// <remarks>
    /// A small cloud computes each distance once into a full matrix first (at most <see cref="SmallCloud"/> points,
    /// 4 MB): the two passes below would otherwise compute every distance four times, which is most of the time a
    /// few hundred points take. Distances are symmetric to the bit, so the lists are the same either way.
    /// </remarks>
    public static SparseMetric Sparse(PointCloud points, float threshold, int threads)
    {
        if (points.Count > SmallCloud) return SparseRows(points.Count, threshold, threads, points.Distance);
        int n = points.Count;
        // Pooled: a fresh array of this size is a large-object allocation, and every one brings the next full GC nearer.
        var full = FillFullMatrix(points, threads, ArrayPool<float>.Shared.Rent(n * n));
        try
        {
            return SparseRows(full, n, threshold, threads);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(full);
        }
    }

    /// <summary>The largest cloud whose distances <see cref="Sparse(PointCloud, float, int)"/> computes once, in a full matrix.</summary>
    internal const int SmallCloud = 1024;

    public static SparseMetric Sparse(DistanceMatrix matrix, float threshold, int threads) =>
        SparseRows(matrix.Count, threshold, threads, (i, j) => matrix[i, j]);

    /// <summary>
    /// Two passes over the pairs, one to count each row and one to fill it, so that the lists are written once
    /// into arrays of their final size: computing a distance twice costs less than holding every row twice.
    /// </summary>
    private static SparseMetric SparseRows(int n, float threshold, int threads, Func<int, int, float> distance)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var offsets = new int[n + 1];
        Parallel.For(0, n, options, i =>
        {
            int count = 0;
            for (int j = 0; j < n; j++)
                if (j != i && distance(i, j) <= threshold) count++;
            offsets[i + 1] = count;
        });
        for (int i = 0; i < n; i++) offsets[i + 1] = checked(offsets[i + 1] + offsets[i]);
        var neighbours = new int[offsets[n]];
        var distances = new float[offsets[n]];
        Parallel.For(0, n, options, i =>
        {
            int at = offsets[i];
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                float d = distance(i, j);
                if (d <= threshold) { neighbours[at] = j; distances[at++] = d; }
            }
        });
        return new SparseMetric(offsets, neighbours, distances);
    }

    /// <summary>
    /// <see cref="SparseRows(int, float, int, Func{int, int, float})"/> for a full n x n matrix, read as rows of floats
    /// (a delegate call per distance was most of the time of a budget-sized cloud's lists).
    /// </summary>
    private static SparseMetric SparseRows(float[] full, int n, float threshold, int threads)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        var offsets = new int[n + 1];
        Parallel.For(0, n, options, i =>
        {
            var row = full.AsSpan(i * n, n);
            offsets[i + 1] = CountWithin(row, threshold) - (row[i] <= threshold ? 1 : 0);
        });
        for (int i = 0; i < n; i++) offsets[i + 1] = checked(offsets[i + 1] + offsets[i]);
        var neighbours = new int[offsets[n]];
        var distances = new float[offsets[n]];
        Parallel.For(0, n, options, i =>
        {
            var row = full.AsSpan(i * n, n);
            int at = offsets[i];
            for (int j = 0; j < row.Length; j++)
                if (j != i && row[j] <= threshold) { neighbours[at] = j; distances[at++] = row[j]; }
        });
        return new SparseMetric(offsets, neighbours, distances);
    }

    private static int CountWithin(ReadOnlySpan<float> row, float threshold)
    {
        int count = 0, j = 0;
        var limit = Vector256.Create(threshold);
        for (; j + Vector256<float>.Count <= row.Length; j += Vector256<float>.Count)
            count += BitOperations.PopCount(Vector256.LessThanOrEqual(Vector256.Create(row.Slice(j, Vector256<float>.Count)), limit).ExtractMostSignificantBits());
        for (; j < row.Length; j++)
            if (row[j] <= threshold) count++;
        return count;
    }

    /// <summary>Neighbour lists of an edge list: symmetric, self-loops dropped, a repeated pair keeps its smallest distance.</summary>
    public static SparseMetric Sparse(SparseDistances edges, float threshold)
    {
        int n = edges.VertexCount;
        var byRow = new Dictionary<int, float>[n];
        var s = edges.Sources.Span;
        var t = edges.Targets.Span;
        var d = edges.Distances.Span;
        for (int e = 0; e < s.Length; e++)
        {
            if (s[e] == t[e] || d[e] > threshold) continue;
            AddDirected(byRow, s[e], t[e], d[e]);
            AddDirected(byRow, t[e], s[e], d[e]);
        }
        var rows = new (int[] Neighbours, float[] Distances)[n];
        for (int i = 0; i < n; i++)
        {
            var row = byRow[i];
            if (row is null)
            {
                rows[i] = ([], []);
                continue;
            }
            var neighbours = row.Keys.ToArray();
            var distances = row.Values.ToArray();
            Array.Sort(neighbours, distances);
            rows[i] = (neighbours, distances);
        }
        return Concatenate(rows);
    }

    private static void AddDirected(Dictionary<int, float>[] byRow, int from, int to, float d)
    {
        var row = byRow[from] ??= new Dictionary<int, float>();
        row[to] = row.TryGetValue(to, out float existing) ? Math.Min(existing, d) : d;
    }

    private static SparseMetric Concatenate((int[] Neighbours, float[] Distances)[] rows)
    {
        var offsets = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++)
            offsets[i + 1] = checked(offsets[i] + rows[i].Neighbours.Length);
        var neighbours = new int[offsets[^1]];
        var distances = new float[offsets[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i].Neighbours.CopyTo(neighbours, offsets[i]);
            rows[i].Distances.CopyTo(distances, offsets[i]);
        }
        return new SparseMetric(offsets, neighbours, distances);
    }
}
