namespace TopoDsl.Homology.Diagrams;

/// <summary>A bar [Birth, Death) of a barcode. An essential class has Death = +infinity.</summary>
public readonly record struct PersistenceInterval(double Birth, double Death)
{
    public bool IsEssential => double.IsPositiveInfinity(Death);

    public double Persistence => Death - Birth;

    /// <summary>True when the class is alive at scale eps: Birth &lt;= eps &lt; Death.</summary>
    public bool IsAliveAt(double eps) => Birth <= eps && eps < Death;

    public override string ToString() => IsEssential ? $"[{Birth}, inf)" : $"[{Birth}, {Death})";
}
