namespace TopoDsl.Experiments.Results;

/// <summary>The topology and certificate of one tracked layer over a run.</summary>
public class LayerResult
{
    /// <summary>The hidden layer.</summary>
    public int Layer { get; set; }

    /// <summary>Betti numbers per checkpoint.</summary>
    public List<StepValues<int>> Betti { get; set; } = [];

    /// <summary>Persistent Betti numbers per checkpoint.</summary>
    public List<StepValues<int>> PersistentBetti { get; set; } = [];

    /// <summary>Bottleneck distances to the initial diagrams per checkpoint.</summary>
    public List<StepValues<double>> Bottleneck { get; set; } = [];

    /// <summary>Diameter and scale per checkpoint.</summary>
    public List<ScaleAtStep> Scales { get; set; } = [];

    /// <summary>The persistence diagrams at each checkpoint: per dimension, the bars as [birth, death] (deaths cut at the truncation).</summary>
    public List<StepDiagrams> Diagrams { get; set; } = [];

    /// <summary>How the topology was measured.</summary>
    public TopologyMethod Topology { get; set; } = new();

    /// <summary>Theorem 1's certificate.</summary>
    public CertificateResult Certificate { get; set; } = new();

    /// <summary>Persistent Betti numbers at the end equal those at the start.</summary>
    public bool TopologyPreserved { get; set; }
}
