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
        options = Checked(options);
        if (options.Threshold is float t)
            return RunSparse(MetricBuilder.Sparse(points, t, options.Threads), t, enclosing: false, options);
        CheckBudget(new MemoryEstimate(MemoryEstimate.BaselineBytes + 4L * points.Count * points.Count, [points.Count], []), options);
        return RunDense(MetricBuilder.FullMatrix(points, options.Threads), points.Count, options);
    }

    public static RipsResult Compute(DistanceMatrix matrix, RipsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options = Checked(options);
        if (options.Threshold is float t)
            return RunSparse(MetricBuilder.Sparse(matrix, t, options.Threads), t, enclosing: false, options);
        return matrix.Layout == DistanceMatrixLayout.Full
            ? RunDense(matrix.Values, matrix.Count, options)
            : RunDense(MetricBuilder.FullMatrix(matrix), matrix.Count, options);
    }

    public static RipsResult Compute(SparseDistances distances, RipsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(distances);
        options = Checked(options);
        float threshold = options.Threshold ?? float.PositiveInfinity;
        return RunSparse(MetricBuilder.Sparse(distances, threshold), threshold, enclosing: false, options);
    }

    private static void CheckBudget(MemoryEstimate estimate, RipsOptions options)
    {
        options.EstimateReport?.Invoke(estimate);
        if (options.MaxMemoryBytes is long budget && estimate.Bytes > budget)
            throw new InsufficientMemoryBudgetException(estimate, budget);
    }

    private static RipsOptions Checked(RipsOptions? options)
    {
        options ??= new RipsOptions();
        options.Validate();
        return options;
    }

    private static unsafe RipsResult RunDense(ReadOnlyMemory<float> full, int n, RipsOptions options)
    {
        using var pin = full.Pin();
        var metric = new DenseMetric((float*)pin.Pointer, n);
        float threshold = MetricBuilder.EnclosingRadius(metric);
        var edges = MetricBuilder.Edges(metric, threshold, options.Threads);
        return Run<DenseMetric, DenseCofacetCursor>(metric, edges, threshold, enclosing: true, 4L * n * n, options);
    }

    private static RipsResult RunSparse(SparseMetric metric, float threshold, bool enclosing, RipsOptions options) =>
        Run<SparseMetric, SparseCofacetCursor>(metric, MetricBuilder.Edges(metric), threshold, enclosing,
            8L * metric.Neighbours.Length + 4L * metric.VertexCount, options);

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
