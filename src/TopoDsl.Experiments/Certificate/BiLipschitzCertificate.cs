using TopoDsl.Experiments.Clouds;
using TopoDsl.Training;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Experiments.Certificate;

/// <summary>
/// Checks Theorem 1 of Yang et al. step by step on one neuron cloud: for every compared pair,
/// (1 − ηK) ‖x_i − x_j‖ ≤ ‖x_i' − x_j'‖ ≤ (1 + ηK) ‖x_i − x_j‖, with K the latest sharpness, and the empirical
/// constant K_hat = max |ratio − 1| / η. Small clouds are compared over all pairs at every step; larger ones over all
/// pairs at the steps the caller marks (the persistence checkpoints), and in between over each neuron's nearest
/// neighbours at the last marked step and a fixed random sample (<see cref="CertificateOptions"/>).
/// </summary>
public sealed class BiLipschitzCertificate
{
    private readonly CertificateOptions _options;
    private readonly int _count;
    private readonly int[] _randomFirst = [], _randomSecond = [];
    private int[] _first = [], _second = [];
    private readonly float _mergeTolerance;
    private float[][] _previous;
    private float[][] _current;
    // The previous cloud's largest magnitude, kept from when it was the current one (the rounding allowance needs both).
    private float _previousLargest;

    /// <summary>Starts from the neurons' initial positions, an H x D tensor.</summary>
    public BiLipschitzCertificate(Tensor initialCloud, CertificateOptions options, ulong seed)
        : this(initialCloud.Rank == 2 ? initialCloud.Data : throw new ArgumentException("the cloud must be an H x D tensor", nameof(initialCloud)),
               initialCloud.Dim(1), options, seed)
    {
    }

    /// <summary>Starts from the neurons' initial positions, row-major H x D.</summary>
    public BiLipschitzCertificate(ReadOnlySpan<float> initialCloud, int dimension, CertificateOptions options, ulong seed)
        : this(initialCloud, dimension, options, seed, mergeDistance: null)
    {
    }

    private BiLipschitzCertificate(ReadOnlySpan<float> cloud, int dimension, CertificateOptions options, ulong seed, float? mergeDistance)
    {
        _options = options;
        _count = cloud.Length / dimension;
        _previous = CloudAxes.FromRows(cloud, dimension);
        _current = CloudAxes.FromRows(cloud, dimension);
        _previousLargest = PairDistortion.LargestMagnitude(_previous);
        _mergeTolerance = mergeDistance ?? (float)(options.MergeTolerance * Topology.CloudTopology.Diameter(_previous));
        if (!CoversAllPairs)
        {
            var rng = new Rng(seed);
            _randomFirst = new int[options.SampledPairs];
            _randomSecond = new int[options.SampledPairs];
            for (int k = 0; k < _randomFirst.Length; k++)
            {
                int i = rng.NextInt(_count), j = rng.NextInt(_count - 1);
                (_randomFirst[k], _randomSecond[k]) = (i, j >= i ? j + 1 : j);
            }
            RefreshNeighbours();
        }
    }

    /// <summary>
    /// Continues a certificate saved with <see cref="State"/>: <paramref name="cloud"/> is the cloud after the last
    /// observed step, and options and seed are the original ones (they fix the pair sample).
    /// </summary>
    public static BiLipschitzCertificate Resume(ReadOnlySpan<float> cloud, int dimension, CertificateOptions options, ulong seed, CertificateState state)
    {
        var certificate = new BiLipschitzCertificate(cloud, dimension, options, seed, state.MergeDistance)
        {
            Steps = state.Steps,
            FirstFailure = state.FirstFailure,
            MaxRatioDeviation = state.MaxRatioDeviation,
            MergeEvents = state.MergeEvents,
        };
        return certificate;
    }

    /// <summary>What <see cref="Resume"/> needs besides the cloud.</summary>
    public CertificateState State => new(Steps, FirstFailure, MaxRatioDeviation, MergeEvents, _mergeTolerance);

    /// <summary>Whether every step compares all pairs (the cloud has at most <see cref="CertificateOptions.AllPairsUpTo"/> neurons).</summary>
    public bool CoversAllPairs => _count <= _options.AllPairsUpTo;

    /// <summary>"all", or the size of the fixed random sample of pairs used between checkpoints.</summary>
    public string PairsDescription => CoversAllPairs ? "all" :
        $"all at persistence checkpoints; between them each neuron's {_options.NearestNeighbours} nearest and {_options.SampledPairs} fixed random pairs";

    /// <summary>Two neurons closer than this (absolute) distance count as merged.</summary>
    public double MergeDistance => _mergeTolerance;

    /// <summary>Steps observed so far.</summary>
    public int Steps { get; private set; }

    /// <summary>Whether every observed step stayed within its bounds.</summary>
    public bool Held => FirstFailure is null;

    /// <summary>The first step whose ratios left [1 − ηK, 1 + ηK], if any.</summary>
    public int? FirstFailure { get; private set; }

    /// <summary>The largest |ratio − 1| beyond rounding over every observed step.</summary>
    public double MaxRatioDeviation { get; private set; }

    /// <summary>Pairs that came closer than the merge distance, summed over steps.</summary>
    public long MergeEvents { get; private set; }

    /// <summary>
    /// Compares the cloud after step <paramref name="step"/> with the one before it. <paramref name="eta"/> is the step
    /// size and <paramref name="sharpness"/> the K in force; <paramref name="allPairs"/> asks for every pair even on a
    /// large cloud.
    /// </summary>
    public StepDistortion Observe(Tensor cloud, int step, double eta, double sharpness, bool allPairs = false, int threads = 1) =>
        Observe(cloud.Rank == 2 && cloud.Dim(1) == _previous.Length ? cloud.Data : throw new ArgumentException($"the cloud must stay {_count} x {_previous.Length}", nameof(cloud)),
            step, eta, sharpness, allPairs, threads);

    /// <summary>As <see cref="Observe(Tensor, int, double, double, bool, int)"/>, for a row-major H x D cloud.</summary>
    public StepDistortion Observe(ReadOnlySpan<float> cloud, int step, double eta, double sharpness, bool allPairs = false, int threads = 1)
    {
        if (cloud.Length != _count * _previous.Length)
            throw new ArgumentException($"the cloud must stay {_count} x {_previous.Length}", nameof(cloud));
        CloudAxes.Fill(_current, cloud);
        float currentLargest = PairDistortion.LargestMagnitude(_current);
        float allowance = PairDistortion.RoundingAllowance(_previous.Length, _previousLargest, currentLargest);
        var distortion = CoversAllPairs || allPairs
            ? AllPairs(allowance, threads)
            : PairDistortion.Pairs(_previous, _current, allowance, _mergeTolerance, _first, _second);
        (_previous, _current) = (_current, _previous);
        _previousLargest = currentLargest;
        if (allPairs && !CoversAllPairs) RefreshNeighbours();
        // A cloud gone to infinity or NaN has torn apart: the ratios are unbounded, not undefined.
        if (double.IsNaN(distortion.Expansion) || double.IsNaN(distortion.Contraction))
            distortion = distortion with { Expansion = double.PositiveInfinity };
        Steps++;
        MaxRatioDeviation = Math.Max(MaxRatioDeviation, distortion.MaxRatioDeviation);
        MergeEvents += distortion.Merges;
        if (FirstFailure is null && !distortion.Within(eta * sharpness)) FirstFailure = step;
        return distortion;
    }

    /// <summary>K_hat = max |ratio − 1| / η over the observed steps.</summary>
    public double EmpiricalConstant(double eta) => MaxRatioDeviation / eta;

    private StepDistortion AllPairs(float allowance, int threads)
    {
        long pairs = (long)_count * (_count - 1) / 2;
        if (threads <= 1 || pairs < 1 << 16)
            return PairDistortion.AllPairs(_previous, _current, allowance, _mergeTolerance, 0, _count);
        // Rows near the top hold more pairs: split the rows where the remaining pair count halves, thirds, ...
        var bounds = RowBoundsByPairs(threads);
        var parts = new StepDistortion[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
            parts[part] = PairDistortion.AllPairs(_previous, _current, allowance, _mergeTolerance, bounds[part], bounds[part + 1]));
        // Math.Max keeps a NaN (a cloud gone to NaN or infinity), which LINQ's Max would rank lowest and drop.
        return new StepDistortion(parts.Select(p => p.Expansion).Aggregate(Math.Max), parts.Select(p => p.Contraction).Aggregate(Math.Max),
            parts.Sum(p => p.Merges), parts.Sum(p => p.Pairs));
    }

    /// <summary>The sample between checkpoints: the random pairs and each neuron's nearest neighbours in the current cloud.</summary>
    private void RefreshNeighbours()
    {
        int neighbours = Math.Min(_options.NearestNeighbours, _count - 1);
        var pairs = new List<long>(_randomFirst.Length + _count * Math.Max(0, neighbours));
        for (int k = 0; k < _randomFirst.Length; k++) pairs.Add(NearestNeighbours.PairKey(_randomFirst[k], _randomSecond[k]));
        NearestNeighbours.AddPairs(_previous, neighbours, pairs);
        // Sorted, so that the comparison walks the cloud in order; a pair found twice is compared once.
        var keys = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs);
        keys.Sort();
        int distinct = 0;
        for (int k = 0; k < keys.Length; k++)
            if (distinct == 0 || keys[k] != keys[distinct - 1]) keys[distinct++] = keys[k];
        _first = new int[distinct];
        _second = new int[distinct];
        for (int k = 0; k < distinct; k++) (_first[k], _second[k]) = NearestNeighbours.Pair(keys[k]);
    }

    private int[] RowBoundsByPairs(int parts)
    {
        var bounds = new int[parts + 1];
        long total = (long)_count * (_count - 1) / 2, seen = 0;
        int row = 0;
        for (int part = 1; part < parts; part++)
        {
            long target = total * part / parts;
            while (row < _count && seen < target) seen += _count - 1 - row++;
            bounds[part] = row;
        }
        bounds[parts] = _count;
        return bounds;
    }
}
