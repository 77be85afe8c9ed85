using TopoDsl.Experiments.Certificate;
using TopoDsl.Experiments.Topology;

namespace TopoDsl.Experiments.Definitions;

/// <summary>What the instrumented loop measures, and how often.</summary>
public sealed record Tracking
{
    /// <summary>The hidden layers whose neuron clouds are tracked (0 = between the first two Linear layers).</summary>
    public IReadOnlyList<int> Layers { get; init; } = [0];

    /// <summary>Persistence checkpoints this many steps apart; 0 spreads <see cref="Checkpoints"/> evenly over the run.</summary>
    public int PersistenceEvery { get; init; }

    /// <summary>With <see cref="PersistenceEvery"/> = 0: this many checkpoints after the start (default 10).</summary>
    public int Checkpoints { get; init; } = 10;

    /// <summary>Sharpness K every this many steps; 0 measures it at the start and the end only.</summary>
    public int SharpnessEvery { get; init; }

    /// <summary>K is measured on this many training samples (the first ones); 0 means the whole training set.</summary>
    public int SharpnessSamples { get; init; } = 256;

    /// <summary>
    /// Whether the whole-set train loss (and accuracy) is measured at every checkpoint. By default it is measured at the
    /// start and the end only, and between them the batch losses of every step (<c>loss.csv</c>) are the train curve:
    /// on the quick FigureEight the whole training set at every checkpoint was half of the tracking's losses and a fifth
    /// of its time. The test loss is measured at every checkpoint either way.
    /// </summary>
    public bool TrainLossAtCheckpoints { get; init; }

    /// <summary>How the clouds' topology is measured.</summary>
    public TopologyOptions Topology { get; init; } = new();

    /// <summary>Which pairs the certificate compares.</summary>
    public CertificateOptions Certificate { get; init; } = new();
}
