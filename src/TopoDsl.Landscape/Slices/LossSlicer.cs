using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using TopoDsl.Training.Autodiff;
using TopoDsl.Training.Data;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Landscape.Slices;

/// <summary>
/// Computes a network's loss on a 2-D grid θ + α d₁ + β d₂ over a data set (Li et al.'s landscape slice). The network's
/// parameters are moved for each grid point and put back at the end, also when the computation fails.
/// </summary>
/// <remarks>
/// When the network starts with a Linear layer, its output is linear in (α, β): X(W + αD₁ + βD₂)ᵀ = XWᵀ + αXD₁ᵀ + βXD₂ᵀ.
/// The three products are computed once per chunk of samples, and each grid point costs only their combination and
/// the layers after the first, instead of the first layer's product over the whole data set (for a 784-256-10 MLP, about
/// 1/30 of the work). The floats differ from moving the weights by rounding only (a few units in 10⁻⁷ relative).
/// </remarks>
public static class LossSlicer
{
    /// <summary>
    /// The mean loss over <paramref name="data"/> (cross-entropy for labels, mean squared error otherwise) at every grid
    /// point, with <paramref name="progress"/> told the fraction of samples done.
    /// </summary>
    /// <exception cref="ArgumentException">Directions that do not match the network's parameters, an empty data set, or bad options (named).</exception>
    public static LossSlice Compute(Module model, Dataset data, float[][] first, float[][] second, SliceOptions? options = null,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        options ??= new SliceOptions();
        options.Validate();
        return Assemble(options, ComputeRows(model, data, first, second, options, 0, options.Resolution, progress, cancellation));
    }

    /// <summary>
    /// <see cref="Compute(Module, Dataset, float[][], float[][], SliceOptions?, IProgress{double}?, CancellationToken)"/>
    /// on several threads: <paramref name="workers"/> are copies of one network (the same parameters, each its own
    /// object), and each computes a band of rows (<see cref="ComputeRows"/>), so the floats are those of one thread.
    /// Each worker should compute on one thread (<c>Gemm.Threads = 1</c>), or the threads contend for the cores.
    /// </summary>
    /// <exception cref="ArgumentException">Workers that are one object twice or whose parameters differ, and the single-network refusals.</exception>
    public static LossSlice Compute(IReadOnlyList<Module> workers, Dataset data, float[][] first, float[][] second, SliceOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count == 0) throw new ArgumentException("give at least one network to compute the slice with", nameof(workers));
        if (workers.Distinct(ReferenceEqualityComparer.Instance).Count() != workers.Count)
            throw new ArgumentException("a network appears twice among the workers: two threads would move its parameters at once; give each worker its own copy", nameof(workers));
        var reference = workers[0].Parameters().Select(p => p.Data).ToList();
        for (int w = 1; w < workers.Count; w++)
        {
            var parameters = workers[w].Parameters().Select(p => p.Data).ToList();
            if (parameters.Count != reference.Count || parameters.Zip(reference).Any(pair => !pair.First.AsSpan().SequenceEqual(pair.Second)))
                throw new ArgumentException($"worker {w} holds other parameters than worker 0; the workers must be copies of one network", nameof(workers));
        }
        options ??= new SliceOptions();
        options.Validate();
        int bands = Math.Min(workers.Count, options.Resolution);
        var rows = new double[bands][];
        try
        {
            Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = bands, CancellationToken = cancellation }, w =>
            {
                int from = options.Resolution * w / bands, to = options.Resolution * (w + 1) / bands;
                rows[w] = ComputeRows(workers[w], data, first, second, options, from, to, cancellation: cancellation);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return Assemble(options, [.. rows.SelectMany(band => band)]);
    }

    /// <summary>
    /// The losses of grid rows <paramref name="fromRow"/> to <paramref name="toRow"/> (excluded), row by row: the same
    /// floats as those rows of <see cref="Compute(Module, Dataset, float[][], float[][], SliceOptions?, IProgress{double}?, CancellationToken)"/>, so that long slices can be computed and saved a row at a time and
    /// put together with <see cref="Assemble"/>. Each call repeats the first layer's three products for every chunk of
    /// samples, which a whole-grid call makes once.
    /// </summary>
    public static double[] ComputeRows(Module model, Dataset data, float[][] first, float[][] second, SliceOptions options,
        int fromRow, int toRow, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (fromRow < 0 || toRow > options.Resolution || fromRow >= toRow)
            throw new ArgumentOutOfRangeException(nameof(fromRow), $"rows {fromRow} to {toRow}: give 0 <= from < to <= {options.Resolution}");
        var parameters = model.Parameters().ToList();
        CheckDirection(parameters, first, "first");
        CheckDirection(parameters, second, "second");
        if (data.Count == 0) throw new ArgumentException("the data set is empty: a slice needs samples to measure the loss on", nameof(data));

        var alphas = Axis(options.AlphaRange, options.Resolution);
        var betas = Axis(options.BetaRange, options.Resolution)[fromRow..toRow];
        var sums = new double[alphas.Length * betas.Length];
        var originals = parameters.Select(p => (float[])p.Data.Clone()).ToList();
        using var noGraph = GradMode.Disable();
        try
        {
            var chunks = data.Count <= options.ChunkRows ? MiniBatches.FullBatch(data) : new MiniBatches(data, options.ChunkRows, seed: 0, shuffle: false);
            int done = 0;
            foreach (var chunk in chunks.Epoch(0))
            {
                if (model is Sequential { Layers: [Linear head, ..] } sequential && chunk.Inputs.Rank == 2)
                    AddChunkSplit(sequential, head, parameters, originals, first, second, chunk, alphas, betas, sums, cancellation);
                else
                    AddChunkDirect(model, parameters, originals, first, second, chunk, alphas, betas, sums, cancellation);
                done += chunk.Count;
                progress?.Report((double)done / data.Count);
            }
        }
        finally
        {
            for (int p = 0; p < parameters.Count; p++) originals[p].CopyTo(parameters[p].Data, 0);
        }
        for (int k = 0; k < sums.Length; k++) sums[k] /= data.Count;
        return sums;
    }

    /// <summary>The slice whose losses, row by row, are <paramref name="losses"/> (from <see cref="ComputeRows"/>, all rows in order).</summary>
    public static LossSlice Assemble(SliceOptions options, double[] losses)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(losses);
        options.Validate();
        int expected = options.Resolution * options.Resolution;
        if (losses.Length != expected)
            throw new ArgumentException($"{losses.Length} losses for a {options.Resolution} x {options.Resolution} grid ({expected})", nameof(losses));
        return new LossSlice(Axis(options.AlphaRange, options.Resolution), Axis(options.BetaRange, options.Resolution), losses);
    }

    // Every layer moved, the chunk run through the whole network at each grid point.
    private static void AddChunkDirect(Module model, List<Tensor> parameters, List<float[]> originals, float[][] first, float[][] second,
        Batch chunk, double[] alphas, double[] betas, double[] sums, CancellationToken cancellation)
    {
        for (int row = 0; row < betas.Length; row++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (int column = 0; column < alphas.Length; column++)
            {
                Move(parameters, originals, first, second, alphas[column], betas[row], from: 0);
                sums[row * alphas.Length + column] += ChunkLoss(model, chunk.Inputs, chunk);
            }
        }
    }

    // The first layer's three products once, then per grid point their combination and the layers after it.
    private static void AddChunkSplit(Sequential sequential, Linear head, List<Tensor> parameters, List<float[]> originals,
        float[][] first, float[][] second, Batch chunk, double[] alphas, double[] betas, double[] sums, CancellationToken cancellation)
    {
        int headParameters = head.Parameters().Count();
        var atTheta = HeadOutput(head, parameters, originals, chunk.Inputs);
        var alongFirst = HeadOutput(head, parameters, first, chunk.Inputs);
        var alongSecond = HeadOutput(head, parameters, second, chunk.Inputs);
        for (int p = 0; p < headParameters; p++) originals[p].CopyTo(parameters[p].Data, 0);

        var rest = new Sequential([.. sequential.Layers.Skip(1)]);
        var combined = new float[atTheta.Length];
        var hidden = new Tensor(combined, chunk.Count, head.OutFeatures);
        for (int row = 0; row < betas.Length; row++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (int column = 0; column < alphas.Length; column++)
            {
                float alpha = (float)alphas[column], beta = (float)betas[row];
                Move(parameters, originals, first, second, alphas[column], betas[row], from: headParameters);
                TensorPrimitives.MultiplyAdd(alongFirst, alpha, atTheta, combined);
                TensorPrimitives.MultiplyAdd(alongSecond, beta, combined, combined);
                sums[row * alphas.Length + column] += ChunkLoss(rest, hidden, chunk);
            }
        }
    }

    // The first layer's output with its parameters set to the given arrays (the network's, or a direction's).
    private static float[] HeadOutput(Linear head, List<Tensor> parameters, IReadOnlyList<float[]> values, Tensor inputs)
    {
        int count = head.Parameters().Count();
        for (int p = 0; p < count; p++) values[p].CopyTo(parameters[p].Data, 0);
        using var memory = StepMemory.Begin();
        return (float[])head.Forward(inputs).Data.Clone();
    }

    private static double ChunkLoss(Module network, Tensor inputs, Batch chunk)
    {
        using var memory = StepMemory.Begin();
        return Training.Losses.Loss.MeanValue(network.Forward(inputs), chunk.Targets, chunk.Labels) * chunk.Count;
    }

    private static void Move(List<Tensor> parameters, List<float[]> originals, float[][] first, float[][] second, double alpha, double beta, int from)
    {
        for (int p = from; p < parameters.Count; p++)
        {
            float[] target = parameters[p].Data, theta = originals[p], d1 = first[p], d2 = second[p];
            for (int k = 0; k < target.Length; k++) target[k] = (float)(theta[k] + alpha * d1[k] + beta * d2[k]);
        }
    }

    private static double[] Axis((double Low, double High) range, int count) =>
        Enumerable.Range(0, count).Select(k => range.Low + (range.High - range.Low) * k / (count - 1)).ToArray();

    private static void CheckDirection(List<Tensor> parameters, float[][] direction, string name)
    {
        ArgumentNullException.ThrowIfNull(direction, name);
        if (direction.Length != parameters.Count)
            throw new ArgumentException($"the {name} direction has {direction.Length} parts; the network has {parameters.Count} parameter tensors", name);
        for (int p = 0; p < parameters.Count; p++)
            if (direction[p] is null || direction[p].Length != parameters[p].Count)
                throw new ArgumentException($"part {p} of the {name} direction has {direction[p]?.Length ?? 0} values; parameter {p} has {parameters[p].Count}", name);
    }
}
