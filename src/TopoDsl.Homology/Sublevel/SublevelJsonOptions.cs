namespace TopoDsl.Homology.Sublevel;

/// <summary>What <see cref="SublevelJson"/> adds to the bars and the merge tree.</summary>
public sealed record SublevelJsonOptions
{
    /// <summary>Indent the JSON for reading.</summary>
    public bool Indented { get; init; }

    /// <summary>
    /// Where a vertex lies (a point's coordinates, a grid point's indices), written beside each minimum and saddle;
    /// null writes none.
    /// </summary>
    public Func<int, IReadOnlyList<double>>? Locate { get; init; }

    /// <summary>Write each merge's minimax path, from the dying minimum over the saddle to the surviving minimum.</summary>
    public bool Paths { get; init; }
}
