using System.Diagnostics;

namespace TopoDsl.Experiments.Running;

/// <summary>Where a run's time went: training steps, the certificate, sharpness, and the checkpoints (topology, losses, files).</summary>
public sealed class RunTimings
{
    /// <summary>Forward, backward and optimizer steps.</summary>
    public Stopwatch Train { get; } = new();

    /// <summary>Reading the clouds and checking the certificate after each step.</summary>
    public Stopwatch Certificate { get; } = new();

    /// <summary>Measuring K.</summary>
    public Stopwatch Sharpness { get; } = new();

    /// <summary>Persistence checkpoints: topology, whole-set losses, cloud files, saved state.</summary>
    public Stopwatch Checkpoints { get; } = new();

    /// <summary>Of the checkpoints: persistence, Betti numbers and bottleneck distances.</summary>
    public Stopwatch Topology { get; } = new();

    /// <summary>Of the checkpoints: whole-set losses and accuracies.</summary>
    public Stopwatch Evaluation { get; } = new();

    /// <summary>Of the checkpoints: cloud files and the saved state.</summary>
    public Stopwatch Files { get; } = new();

    /// <inheritdoc/>
    public override string ToString() =>
        $"train {Train.Elapsed.TotalSeconds:F2} s, certificate {Certificate.Elapsed.TotalSeconds:F2} s, sharpness {Sharpness.Elapsed.TotalSeconds:F2} s, checkpoints {Checkpoints.Elapsed.TotalSeconds:F2} s (topology {Topology.Elapsed.TotalSeconds:F2} s, evaluation {Evaluation.Elapsed.TotalSeconds:F2} s, files {Files.Elapsed.TotalSeconds:F2} s)";
}
