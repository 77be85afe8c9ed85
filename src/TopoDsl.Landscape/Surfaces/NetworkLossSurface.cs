using TopoDsl.Training.Autodiff;
using TopoDsl.Training.Data;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Landscape.Surfaces;

/// <summary>
/// A network's loss as a function of its parameters, flattened into one vector in <see cref="Module.Parameters"/>
/// order: what AutoNEB and the homotopy test move through. <see cref="Loss"/> is the mean over the whole data set
/// (cross-entropy for labels, mean squared error otherwise); <see cref="LossAndGradient"/> too, or over the next
/// mini-batch when a batch size is given, as AutoNEB's SGD takes its steps. Evaluating sets the network's
/// parameters to the point, so the surface owns the network while it is used and is not for several threads at once.
/// </summary>
public sealed class NetworkLossSurface : ILossSurface
{
    // Large chunks: each one costs a forward (and backward) pass of its own, and a path's points are evaluated whole.
    private const int ChunkRows = 4096;
    private readonly Module _model;
    private readonly List<Tensor> _parameters;
    private readonly Dataset _data;
    private readonly MiniBatches _chunks;
    private readonly MiniBatches? _batches;
    private IEnumerator<Batch>? _epoch;
    private int _epochNumber;

    /// <summary>The loss of <paramref name="model"/> on <paramref name="data"/>; gradients on mini-batches of <paramref name="batchSize"/> drawn in a <paramref name="seed"/>ed order, or on the whole set when null.</summary>
    public NetworkLossSurface(Module model, Dataset data, int? batchSize = null, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count == 0) throw new ArgumentException("the data set is empty: a loss needs samples", nameof(data));
        if (batchSize is int size && size < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), size, "a batch holds at least one sample");
        _model = model;
        _parameters = model.Parameters().ToList();
        _data = data;
        _chunks = data.Count <= ChunkRows ? MiniBatches.FullBatch(data) : new MiniBatches(data, ChunkRows, seed: 0, shuffle: false);
        if (batchSize is int batch && batch < data.Count) _batches = new MiniBatches(data, batch, seed);
        Dimension = _parameters.Sum(p => p.Count);
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The network's current parameters as a point of the surface.</summary>
    public double[] CurrentPoint()
    {
        var point = new double[Dimension];
        int offset = 0;
        foreach (var parameter in _parameters)
            for (int k = 0; k < parameter.Count; k++) point[offset++] = parameter.Data[k];
        return point;
    }

    /// <summary>Sets the network's parameters to the point (rounded to float32, the network's precision).</summary>
    public void Load(ReadOnlySpan<double> point)
    {
        if (point.Length != Dimension) throw new ArgumentException($"the point has {point.Length} coordinates; the network has {Dimension} parameters", nameof(point));
        int offset = 0;
        foreach (var parameter in _parameters)
            for (int k = 0; k < parameter.Count; k++) parameter.Data[k] = (float)point[offset++];
    }

    /// <inheritdoc />
    public double Loss(ReadOnlySpan<double> point)
    {
        Load(point);
        using var noGraph = GradMode.Disable();
        double sum = 0;
        foreach (var chunk in _chunks.Epoch(0))
        {
            using var memory = StepMemory.Begin();
            sum += Training.Losses.Loss.MeanValue(_model.Forward(chunk.Inputs), chunk.Targets, chunk.Labels) * chunk.Count;
        }
        return sum / _data.Count;
    }

    /// <inheritdoc />
    public double LossAndGradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        if (gradient.Length != Dimension) throw new ArgumentException($"the gradient has {gradient.Length} entries; the network has {Dimension} parameters", nameof(gradient));
        Load(point);
        gradient.Clear();
        if (_batches is not null) return AddBatchGradient(NextBatch(), gradient, 1);
        double loss = 0;
        foreach (var chunk in _chunks.Epoch(0)) loss += AddBatchGradient(chunk, gradient, (double)chunk.Count / _data.Count);
        return loss;
    }

    // Adds weight x the batch's mean-loss gradient; returns weight x the batch's mean loss.
    private double AddBatchGradient(Batch batch, Span<double> gradient, double weight)
    {
        using var memory = StepMemory.Begin();
        var loss = Training.Losses.Loss.For(_model.Forward(batch.Inputs), batch.Targets, batch.Labels);
        var gradients = Autograd.Gradients(loss, _parameters);
        int offset = 0;
        for (int p = 0; p < _parameters.Count; p++)
        {
            var values = gradients[p].Data;
            for (int k = 0; k < values.Length; k++) gradient[offset++] += weight * values[k];
        }
        return weight * loss.ToScalar();
    }

    private Batch NextBatch()
    {
        if (_epoch is null || !_epoch.MoveNext())
        {
            _epoch = _batches!.Epoch(_epochNumber++).GetEnumerator();
            _epoch.MoveNext();
        }
        return _epoch.Current;
    }
}
