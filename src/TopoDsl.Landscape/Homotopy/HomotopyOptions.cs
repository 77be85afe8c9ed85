namespace TopoDsl.Landscape.Homotopy;

/// <summary>The grid of the straight-line homotopy between two training paths.</summary>
public sealed record HomotopyOptions
{
    /// <summary>Points along each path after resampling by arc length (S, default 21; both ends included).</summary>
    public int PathSamples { get; init; } = 21;

    /// <summary>Points from one path to the other at each of them (T, default 11; both paths included).</summary>
    public int BlendSteps { get; init; } = 11;

    internal void Validate()
    {
        if (PathSamples < 2) throw new ArgumentException($"HomotopyOptions.PathSamples: need at least 2 (both ends), not {PathSamples}", "options");
        if (BlendSteps < 2) throw new ArgumentException($"HomotopyOptions.BlendSteps: need at least 2 (both paths), not {BlendSteps}", "options");
    }
}
