using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// Vietoris–Rips persistent homology of a finite metric space. Filtration values are diameters (largest
/// pairwise distance), the threshold is inclusive, zero-length bars are not reported, and essential classes
/// die at +infinity: the conventions of ripser, whose barcodes these equal.
/// </summary>
public static class VietorisRips
{
    public static RipsResult Compute(PointCloud points, RipsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        options = Checked(options, points.Count);
        int n = points.Count;
        if (options.Threshold is float t)
        {
            CheckSparseBudget(n, () => EdgeCountEstimate.WithinThreshold(n, EdgeCountEstimate.Rows(points), t), options);
            return RunSparse(MetricBuilder.Sparse(points, t, options.Threads), t, enclosing: false, options);
        }
        CheckDenseBudget(n, () => EdgeCountEstimate.WithinEnclosingRadius(n, EdgeCountEstimate.Rows(points)), options);
        return RunDense(MetricBuilder.FullMatrix(points, options.Threads), n, options);
    }

    public static RipsResult Compute(DistanceMatrix matrix, RipsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options = Checked(options, matrix.Count);
        int n = matrix.Count;
        if (options.Threshold is float t)
        {
            CheckSparseBudget(n, () => EdgeCountEstimate.WithinThreshold(n, EdgeCountEstimate.Rows(matrix), t), options);
            return RunSparse(MetricBuilder.Sparse(matrix, t, options.Threads), t, enclosing: false, options);
        }
        CheckDenseBudget(n, () => EdgeCountEstimate.WithinEnclosingRadius(n, EdgeCountEstimate.Rows(matrix)), options);
        return matrix.Layout == DistanceMatrixLayout.Full
            ? RunDense(matrix.Values, n, options)
            : RunDense(MetricBuilder.FullMatrix(matrix), n, options);
    }

    public static RipsResult Compute(SparseDistances distances, RipsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(distances);
        options = Checked(options, distances.VertexCount);
        float threshold = options.Threshold ?? float.PositiveInfinity;
        CheckSparseBudget(distances.VertexCount, () => CountWithin(distances, threshold), options);
        return RunSparse(MetricBuilder.Sparse(distances, threshold), threshold, enclosing: false, options);
    }

    /// <summary>The listed edges within the threshold (a pair listed twice counts twice: an upper bound).</summary>
    private static double CountWithin(SparseDistances distances, float threshold)
    {
        var s = distances.Sources.Span;
        var t = distances.Targets.Span;
        var d = distances.Distances.Span;
        long count = 0;
        for (int e = 0; e < d.Length; e++)
            if (s[e] != t[e] && d[e] <= threshold) count++;
        return count;
    }

    /// <summary>Refuses, before the matrix and the edges are built, a dense run that cannot fit the budget.</summary>
    /// <remarks>Every vertex is within the enclosing radius of the central one: at least n - 1 edges.</remarks>
    private static void CheckDenseBudget(int n, Func<double> estimateEdges, RipsOptions options) =>
        CheckBudgetBeforeEdges(n, _ => MemoryEstimate.DenseMetricBytes(n), Math.Max(0, n - 1), estimateEdges, options);

    /// <summary>Refuses, before the neighbour lists and the edges are built, a sparse run that cannot fit the budget.</summary>
    private static void CheckSparseBudget(int n, Func<double> estimateEdges, RipsOptions options) =>
        CheckBudgetBeforeEdges(n, edges => MemoryEstimate.SparseMetricBytes(n, edges), 0, estimateEdges, options);

    private static void CheckBudgetBeforeEdges(int n, Func<double, long> metricBytes, double fewestEdges, Func<double> estimateEdges,
        RipsOptions options)
    {
        // The least the run can need comes first: a large input is refused without the cost of sampling its rows.
        // The user's limit is named first when both are exceeded: it is the one they chose.
        var least = MemoryEstimate.BeforeEdges(n, fewestEdges, metricBytes(fewestEdges), options.MaxDimension) with { IsLowerBound = true };
        if (options.MaxMemoryBytes is long limit) Refuse(least, limit);
        if (options.AvailableMemoryBytes is long available && least.Bytes > available)
            throw new InsufficientMemoryBudgetException(least, available, $"the {MemoryEstimate.FormatBytes(available)} of memory available to this process");
        if (options.MaxMemoryBytes is not long budget) return;
        double edges = estimateEdges();
        Refuse(MemoryEstimate.BeforeEdges(n, edges, metricBytes(edges), options.MaxDimension), budget);
    }

    private static void Refuse(MemoryEstimate estimate, long budget)
    {
        if (estimate.Bytes > budget) throw new InsufficientMemoryBudgetException(estimate, budget);
    }

    private static void CheckBudget(MemoryEstimate estimate, RipsOptions options)
    {
        options.EstimateReport?.Invoke(estimate);
        if (options.MaxMemoryBytes is long budget) Refuse(estimate, budget);
    }

    /// <summary>
    /// Validates the options, caps the dimension at n - 2 as ripser does (H_k of a Rips complex on n points is zero
    /// for k &gt; n - 2, and every dimension costs per-vertex tables), and refuses a complex whose simplices cannot be
    /// numbered: all decided from the vertex count alone, before anything of size n^2 is built.
    /// </summary>
    private static RipsOptions Checked(RipsOptions? options, int vertexCount)
    {
        options ??= new RipsOptions();
        options.Validate();
        int highest = Math.Max(0, vertexCount - 2);
        if (options.MaxDimension > highest) options = options with { MaxDimension = highest };
        BinomialTable.EnsureIndexable(vertexCount, options.MaxDimension + 2, ColumnHeap.MaxIndex(options.Modulus));
        return options;
    }

    private static unsafe RipsResult RunDense(ReadOnlyMemory<float> full, int n, RipsOptions options)
    {
        using var pin = full.Pin();
        var metric = new DenseMetric((float*)pin.Pointer, n);
        float threshold = MetricBuilder.EnclosingRadius(metric);
        var edges = MetricBuilder.Edges(metric, threshold, options.Threads);
        return Run<DenseMetric, DenseCofacetCursor>(metric, edges, threshold, enclosing: true, MemoryEstimate.DenseMetricBytes(n), options);
    }

    private static RipsResult RunSparse(SparseMetric metric, float threshold, bool enclosing, RipsOptions options)
    {
        if (options.CollapseEdges && !options.Cocycles) metric = EdgeCollapse.Collapse(metric);
        return Run<SparseMetric, SparseCofacetCursor>(metric, MetricBuilder.Edges(metric), threshold, enclosing,
            MemoryEstimate.SparseMetricBytes(metric.VertexCount, metric.EdgeCount), options);
    }

    private static RipsResult Run<TMetric, TCursor>(TMetric metric, Simplex[] edges, float threshold, bool enclosing,
        long metricBytes, RipsOptions options)
        where TMetric : struct, IRipsMetric<TCursor>
        where TCursor : struct, ICofacetCursor
    {
        var engine = new RipsEngine<TMetric, TCursor>(metric, options.MaxDimension, threshold,
            options.Modulus, options.Threads, options.Cocycles, options.Progress, options.Cancellation);
        CheckBudget(engine.EstimateMemory(edges, metricBytes), options);
        var (barcode, cocycles) = engine.Run(edges);
        return new RipsResult
        {
            Barcode = barcode,
            Cocycles = cocycles,
            Threshold = threshold,
            ThresholdIsEnclosingRadius = enclosing,
            PointCount = metric.VertexCount,
        };
    }
}
