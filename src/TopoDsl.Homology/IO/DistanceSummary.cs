using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.IO;

/// <summary>What ripser reports about a dense metric before computing: value range, enclosing radius, entries within a threshold.</summary>
internal readonly record struct DistanceSummary(ValueRange Range, float EnclosingRadius, long EntriesWithinThreshold)
{
    public static DistanceSummary Of(PointCloud cloud, float threshold) => Of(cloud.Count, cloud.Distance, threshold);

    public static DistanceSummary Of(DistanceMatrix matrix, float threshold) =>
        Of(matrix.Count, (i, j) => matrix[i, j], threshold);

    /// <summary>
    /// Enclosing radius = min over i of max over j of d(i,j), the diagonal d(i,i) = 0 included (so 0 for one point,
    /// +inf for none); the value range and the count of d(i,j) &lt;= threshold run over the pairs i &gt; j.
    /// </summary>
    private static DistanceSummary Of(int count, Func<int, int, float> distance, float threshold)
    {
        var eccentricity = new float[count];
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        long within = 0;
        for (int i = 0; i < count; i++)
            for (int j = 0; j < i; j++)
            {
                float d = distance(i, j);
                min = Math.Min(min, d);
                if (!float.IsPositiveInfinity(d)) max = Math.Max(max, d);
                if (d <= threshold) within++;
                eccentricity[i] = Math.Max(eccentricity[i], d);
                eccentricity[j] = Math.Max(eccentricity[j], d);
            }
        float enclosingRadius = count == 0 ? float.PositiveInfinity : eccentricity.Min();
        return new DistanceSummary(new ValueRange(min, max), enclosingRadius, within);
    }
}
