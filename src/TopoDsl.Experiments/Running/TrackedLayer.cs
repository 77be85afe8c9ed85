using TopoDsl.Experiments.Certificate;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Topology;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Training.Neurons;

namespace TopoDsl.Experiments.Running;

/// <summary>
/// One tracked hidden layer during a run: reads its neuron cloud after every step, feeds the certificate, and at
/// checkpoints measures the topology against the initial diagrams.
/// </summary>
internal sealed class TrackedLayer
{
    private readonly HiddenLayerNeurons _neurons;
    private readonly CloudTopology _topology;
    private readonly float[] _cloud;
    private BiLipschitzCertificate? _certificate;
    private IReadOnlyList<IReadOnlyList<PersistenceInterval>>? _initial;

    public TrackedLayer(int index, HiddenLayerNeurons neurons, CloudTopology topology, LayerResult result, LayerProgress progress)
    {
        Index = index;
        _neurons = neurons;
        _topology = topology;
        Result = result;
        Progress = progress;
        _cloud = new float[neurons.Count * neurons.Dimension];
        result.Layer = index;
    }

    public int Index { get; }

    public LayerResult Result { get; }

    public LayerProgress Progress { get; }

    public int Dimension => _neurons.Dimension;

    /// <summary>The cloud as last read (row-major H x D).</summary>
    public ReadOnlySpan<float> Cloud => _cloud;

    // The step whose cloud _cloud holds: a checkpoint's step reads it once for the certificate, the finiteness check and
    // the topology. Nothing writes the layer's parameters between those calls within a step (sharpness only reads
    // them); anything that did would have to set this back to -1.
    private int _readAtStep = -1;

    private void ReadAt(int step)
    {
        if (_readAtStep == step) return;
        _neurons.Read(_cloud);
        _readAtStep = step;
    }

    /// <summary>Starts the certificate at the current cloud (a fresh run) or continues it from the checkpoint's totals.</summary>
    public void StartCertificate(CertificateOptions options, ulong seed, int step)
    {
        ReadAt(step);
        _certificate = Progress.Certificate is { } saved
            ? BiLipschitzCertificate.Resume(_cloud, Dimension, options, seed, saved)
            : new BiLipschitzCertificate(_cloud, Dimension, options, seed);
        Result.Certificate.Pairs = _certificate.PairsDescription;
        Result.Certificate.MergeDistance = _certificate.MergeDistance;
        Progress.Certificate = _certificate.State;
    }

    /// <summary>After a step, when the certificate runs: reads the cloud and compares it with the one before.</summary>
    public void AfterStep(int step, double eta, double k, bool allPairs, int threads)
    {
        if (_certificate is null) return;
        ReadAt(step);
        var distortion = _certificate.Observe(_cloud, step, eta, k, allPairs, threads);
        Progress.Expansion.Add(distortion.Expansion);
        Progress.Contraction.Add(distortion.Contraction);
        Progress.Merges.Add(distortion.Merges);
    }

    /// <summary>Records the certificate's totals in the progress, for a checkpoint to save.</summary>
    public void SaveCertificateState()
    {
        if (_certificate is not null) Progress.Certificate = _certificate.State;
    }

    /// <summary>
    /// Whether every coordinate of the cloud after <paramref name="step"/> is finite. A step can send the neurons to
    /// infinity while its own loss, taken before the update, is still finite; such a cloud has no topology to measure.
    /// </summary>
    public bool IsFiniteAt(int step)
    {
        ReadAt(step);
        foreach (float value in _cloud)
            if (!float.IsFinite(value)) return false;
        return true;
    }

    /// <summary>Measures the topology of the current cloud and records it (the first call fixes the initial diagrams).</summary>
    public TopologySnapshot Measure(int step)
    {
        ReadAt(step);
        var snapshot = _topology.Measure(_cloud, Dimension, step);
        // The first measurement is step 0's; a resumed run finds it in the result it carries.
        _initial ??= Result.Diagrams.Count > 0
            ? Result.Diagrams[0].Bars.Select(d => (IReadOnlyList<PersistenceInterval>)d.Select(b => new PersistenceInterval(b[0], b[1])).ToList()).ToArray()
            : snapshot.Diagrams;
        var bottleneck = snapshot.Diagrams.Select((diagram, k) => BottleneckDistance.Compute(diagram, _initial[k])).ToArray();
        Result.Betti.Add(new StepValues<int>(step, snapshot.Betti));
        Result.PersistentBetti.Add(new StepValues<int>(step, snapshot.PersistentBetti));
        Result.Bottleneck.Add(new StepValues<double>(step, bottleneck));
        Result.Scales.Add(new ScaleAtStep(step, snapshot.Diameter, snapshot.Scale, snapshot.Truncation));
        Result.Diagrams.Add(new StepDiagrams(step, snapshot.Diagrams.Select(d => d.Select(bar => new[] { bar.Birth, bar.Death }).ToArray()).ToArray()));
        Describe(snapshot);
        return snapshot;
    }

    /// <summary>Fills in the certificate's verdict and whether the persistent Betti numbers came back to the start's.</summary>
    public void Finish(double eta)
    {
        if (_certificate is not null)
        {
            var c = Result.Certificate;
            c.Held = _certificate.Held;
            c.FirstFailure = _certificate.FirstFailure;
            c.MaxRatioDeviation = _certificate.MaxRatioDeviation;
            c.KHat = _certificate.EmpiricalConstant(eta);
            c.MergeEvents = _certificate.MergeEvents;
        }
        Result.TopologyPreserved = Result.PersistentBetti.Count > 0 &&
            Result.PersistentBetti[0].Values.SequenceEqual(Result.PersistentBetti[^1].Values);
    }

    private void Describe(TopologySnapshot snapshot)
    {
        var options = _topology.Options;
        var method = Result.Topology;
        method.Coordinates = options.Coordinates == CloudCoordinates.Standardized ? "standardized" : "raw";
        method.ScaleFraction = options.FixedScale is null ? options.ScaleFraction : null;
        method.FixedScale = options.FixedScale;
        method.PersistentFraction = options.PersistentFraction;
        method.Modulus = options.Modulus;
        method.Neurons = snapshot.Neurons;
        method.Points = snapshot.Points;
        method.Sampling = snapshot.Sampled
            ? $"farthest-point sample of {snapshot.Points} of {snapshot.Neurons} neurons (budget {options.MaxPoints})"
            : $"all {snapshot.Neurons} neurons";
    }
}
