using TopoDsl.Training;

namespace TopoDsl.Training.Data;

/// <summary>
/// Seeded minibatches over a <see cref="Dataset"/>. Epoch e visits the samples in a permutation drawn from
/// (seed, e) alone, so any epoch can be replayed without the ones before it.
/// <para>
/// Batches are reused buffers, not fresh tensors: the training loop asks for a batch every step, and gathering into
/// the same arrays avoids allocating (and collecting) a batch per step. A batch stays valid until the next batch of
/// the same size is produced; there are at most two sizes, the full one and the shorter last one.
/// Only one <see cref="Epoch"/> enumeration may be in progress at a time: starting another invalidates the first.
/// </para>
/// <para>
/// <see cref="FullBatch"/> yields one batch per epoch whose tensors are the data set's own (no copy, original order).
/// </para>
/// </summary>
public sealed class MiniBatches
{
    private readonly Dataset _data;
    private readonly ulong _seed;
    private readonly bool _shuffle;
    private readonly bool _fullBatch;
    private readonly int[] _order;
    private Batch? _fullSize;
    private Batch? _lastSize;
    private int _enumeration;

    /// <param name="dropLast">Skip the last batch of an epoch when it is shorter than <paramref name="batchSize"/>.</param>
    /// <param name="shuffle">False visits the samples in data-set order every epoch (the seed is then unused).</param>
    public MiniBatches(Dataset data, int batchSize, ulong seed, bool dropLast = false, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (data.Count == 0) throw new ArgumentException("cannot draw minibatches from an empty data set", nameof(data));
        _data = data;
        BatchSize = batchSize;
        DropLast = dropLast;
        _seed = seed;
        _shuffle = shuffle;
        _order = Permutation.Identity(data.Count);
        if (dropLast && batchSize > data.Count)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"with dropLast, a batch size above the {data.Count} samples leaves no batch at all");
    }

    private MiniBatches(Dataset data) : this(data, data.Count, seed: 0, dropLast: false, shuffle: false) => _fullBatch = true;

    /// <summary>Full-batch (plain gradient descent) mode: each epoch is one batch of every sample.</summary>
    public static MiniBatches FullBatch(Dataset data) => new(data);

    public Dataset Data => _data;

    public int BatchSize { get; }

    public bool DropLast { get; }

    public bool IsFullBatch => _fullBatch;

    public int BatchesPerEpoch => DropLast ? _data.Count / BatchSize : (_data.Count + BatchSize - 1) / BatchSize;

    /// <summary>The order in which epoch <paramref name="epoch"/> visits the samples (a fresh array).</summary>
    public int[] Order(int epoch)
    {
        var order = new int[_data.Count];
        FillOrder(epoch, order);
        return order;
    }

    /// <summary>The batches of epoch <paramref name="epoch"/> (0-based); see the class notes on buffer reuse.</summary>
    public IEnumerable<Batch> Epoch(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        return _fullBatch ? FullBatchEpoch() : Batches(epoch);
    }

    private IEnumerable<Batch> FullBatchEpoch()
    {
        _fullSize ??= new Batch(_data.Inputs, _data.Targets, _data.Labels, Permutation.Identity(_data.Count));
        yield return _fullSize;
    }

    private IEnumerable<Batch> Batches(int epoch)
    {
        // Runs when enumeration starts (iterators are lazy), so that is when the shared buffers change hands.
        int enumeration = ++_enumeration;
        FillOrder(epoch, _order);
        for (int start = 0; start < _order.Length; start += BatchSize)
        {
            if (enumeration != _enumeration)
                throw new InvalidOperationException("another epoch was started on these minibatches; their buffers are shared");
            int size = Math.Min(BatchSize, _order.Length - start);
            if (size < BatchSize && DropLast) yield break;
            var batch = size == BatchSize ? _fullSize ??= Batch.Allocate(_data, size) : _lastSize ??= Batch.Allocate(_data, size);
            batch.Fill(_data, _order.AsSpan(start, size));
            yield return batch;
        }
    }

    private void FillOrder(int epoch, Span<int> order)
    {
        Permutation.Fill(order);
        if (_shuffle) new Rng(SeedStreams.Derive(_seed, (ulong)epoch)).Shuffle(order);
    }
}
