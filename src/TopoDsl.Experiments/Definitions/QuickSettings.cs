namespace TopoDsl.Experiments.Definitions;

/// <summary>What <c>run NAME --quick</c> changes: a smaller network, fewer steps and seeds.</summary>
public sealed record QuickSettings
{
    /// <summary>The smaller network, or null to keep the full one.</summary>
    public NetworkChoice? Network { get; init; }

    /// <summary>Epochs instead of the full schedule's.</summary>
    public int? Epochs { get; init; }

    /// <summary>Steps instead of the full schedule's.</summary>
    public int? Steps { get; init; }

    /// <summary>How many of the seeds to run (the first ones).</summary>
    public int? Seeds { get; init; }
}
