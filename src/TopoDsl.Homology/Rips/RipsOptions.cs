namespace TopoDsl.Homology.Rips;

/// <summary>Settings of a Vietoris–Rips computation.</summary>
public sealed record RipsOptions
{
    /// <summary>
    /// Highest homology dimension computed (H_0 .. H_MaxDimension), capped at n - 2 for n points as in ripser:
    /// the barcode has no higher dimension, since there all homology is zero.
    /// </summary>
    public int MaxDimension { get; init; } = 1;

    /// <summary>
    /// Largest diameter included (inclusive). Null: the enclosing radius min_i max_j d(i, j) for dense inputs
    /// (beyond it the complex is a cone and nothing changes), and no limit for sparse inputs.
    /// A threshold switches dense inputs to sparse neighbour lists, as ripser does.
    /// </summary>
    public float? Threshold { get; init; }

    /// <summary>Coefficients in Z/p; p must be prime.</summary>
    public int Modulus { get; init; } = 2;

    /// <summary>Worker threads; the result does not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Also compute representative cocycles of the finite H1 bars.</summary>
    public bool Cocycles { get; init; }

    /// <summary>
    /// With a threshold, first remove the edges that a vertex dominates up to the threshold (edge collapse): the
    /// barcode is the same, and low-dimensional clouds cut at a large threshold reduce far faster. Not applied when
    /// <see cref="Cocycles"/> are asked for (they would live on the smaller complex) or above 2048 points.
    /// </summary>
    public bool CollapseEdges { get; init; }

    /// <summary>Refuse to start when the estimated peak memory exceeds this many bytes.</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>
    /// The memory this process can have (the CLI passes the machine's): a run whose least possible need exceeds it
    /// is refused before anything large is built, whether or not <see cref="MaxMemoryBytes"/> is set. Only the lower
    /// bound is held against it, since the estimate itself may be twice the real peak.
    /// </summary>
    public long? AvailableMemoryBytes { get; init; }

    /// <summary>Receives the memory estimate before the reduction starts.</summary>
    public Action<MemoryEstimate>? EstimateReport { get; init; }

    public IProgress<RipsProgress>? Progress { get; init; }

    public CancellationToken Cancellation { get; init; }

    /// <summary>Why <paramref name="modulus"/> cannot be the modulus of the coefficients, or null when it can.</summary>
    public static string? ModulusProblem(int modulus) =>
        !Field.IsPrime(modulus) ? $"{modulus} is not a prime; coefficients need a prime modulus between 2 and {Field.MaxModulus}"
        : modulus > Field.MaxModulus ? $"{modulus} is above {Field.MaxModulus}, the largest prime modulus whose products of residues fit in an int"
        : null;

    /// <remarks>Each message names the setting, so it reads on its own without the exception's parameter name.</remarks>
    internal void Validate()
    {
        if (MaxDimension < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxDimension), MaxDimension, "MaxDimension must be 0 or more");
        if (Threshold is float t && (float.IsNaN(t) || t < 0))
            throw new ArgumentOutOfRangeException(nameof(Threshold), t, "Threshold must be a non-negative number");
        if (ModulusProblem(Modulus) is string problem)
            throw new ArgumentOutOfRangeException(nameof(Modulus), Modulus, $"Modulus {problem}");
        if (Threads < 1) throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be 1 or more");
        if (MaxMemoryBytes is long m && m <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxMemoryBytes), m, "MaxMemoryBytes must be positive");
        if (AvailableMemoryBytes is long a && a <= 0)
            throw new ArgumentOutOfRangeException(nameof(AvailableMemoryBytes), a, "AvailableMemoryBytes must be positive");
    }
}
