namespace TopoDsl.Homology.Diagrams;

/// <summary>Persistence intervals per homology dimension 0..MaxDimension.</summary>
public sealed class Barcode
{
    private readonly PersistenceInterval[][] _byDimension;

    public Barcode(IReadOnlyList<IReadOnlyList<PersistenceInterval>> byDimension)
    {
        ArgumentNullException.ThrowIfNull(byDimension);
        _byDimension = byDimension.Select(d => d.ToArray()).ToArray();
    }

    public int MaxDimension => _byDimension.Length - 1;

    public IReadOnlyList<PersistenceInterval> this[int dimension] =>
        dimension >= 0 && dimension < _byDimension.Length
            ? _byDimension[dimension]
            : throw new ArgumentOutOfRangeException(nameof(dimension), dimension,
                $"this barcode has dimensions 0..{MaxDimension}");

    /// <summary>Betti number b_k at scale eps: the bars of dimension k with birth &lt;= eps &lt; death.</summary>
    public int BettiNumber(int dimension, double eps) => this[dimension].Count(bar => bar.IsAliveAt(eps));

    /// <summary>Betti numbers b_0..b_MaxDimension at scale eps.</summary>
    public int[] BettiNumbers(double eps) =>
        Enumerable.Range(0, _byDimension.Length).Select(k => BettiNumber(k, eps)).ToArray();
}
