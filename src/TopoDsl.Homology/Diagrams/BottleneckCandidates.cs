namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// The values the bottleneck distance of two finite diagrams can take: every distance between a point of A
/// and a point of B, and every distance from a point to the diagonal. There are n·m of them, so they are
/// streamed rather than stored; a sink sees those strictly inside an interval (lower, upper).
/// </summary>
internal sealed class BottleneckCandidates(DiagramPoints a, DiagramPoints b, GroundMetric metric)
{
    public interface ISink
    {
        void Add(double value);
    }

    public void Visit<TSink>(double lower, double upper, ref TSink sink) where TSink : struct, ISink
    {
        for (var i = 0; i < a.Count; i++)
            Offer(metric.ToDiagonal(a.Births[i], a.Deaths[i]), lower, upper, ref sink);
        for (var j = 0; j < b.Count; j++)
            Offer(metric.ToDiagonal(b.Births[j], b.Deaths[j]), lower, upper, ref sink);
        for (var i = 0; i < a.Count; i++)
        {
            double birth = a.Births[i], death = a.Deaths[i];
            for (var j = 0; j < b.Count; j++)
                Offer(metric.Distance(birth, death, b.Births[j], b.Deaths[j]), lower, upper, ref sink);
        }
    }

    /// <summary>
    /// A lower bound on the bottleneck distance: every point must be matched somewhere, at the least to its
    /// nearest point of the other diagram or to the diagonal.
    /// </summary>
    public double LowerBound()
    {
        var bound = 0.0;
        var nearestToB = new double[b.Count];
        for (var j = 0; j < b.Count; j++) nearestToB[j] = metric.ToDiagonal(b.Births[j], b.Deaths[j]);
        for (var i = 0; i < a.Count; i++)
        {
            double birth = a.Births[i], death = a.Deaths[i];
            var nearest = metric.ToDiagonal(birth, death);
            for (var j = 0; j < b.Count; j++)
            {
                var d = metric.Distance(birth, death, b.Births[j], b.Deaths[j]);
                nearest = Math.Min(nearest, d);
                nearestToB[j] = Math.Min(nearestToB[j], d);
            }
            bound = Math.Max(bound, nearest);
        }
        foreach (var d in nearestToB) bound = Math.Max(bound, d);
        return bound;
    }

    private static void Offer<TSink>(double value, double lower, double upper, ref TSink sink) where TSink : struct, ISink
    {
        if (value > lower && value < upper) sink.Add(value);
    }
}
