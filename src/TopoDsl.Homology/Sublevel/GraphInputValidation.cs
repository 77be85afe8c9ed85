namespace TopoDsl.Homology.Sublevel;

internal static class GraphInputValidation
{
    public static void Validate(ReadOnlySpan<double> values, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        if (sources.Length != targets.Length)
            throw new ArgumentException(
                $"edge arrays differ in length: {sources.Length} sources but {targets.Length} targets", "edgeTargets");
        ValidateValues(values, "vertexValues", "vertex");
        for (int e = 0; e < sources.Length; e++)
        {
            bool badSource = (uint)sources[e] >= (uint)values.Length;
            if (badSource || (uint)targets[e] >= (uint)values.Length)
                throw new ArgumentException(
                    $"edge {e} ({sources[e]}, {targets[e]}) names a vertex outside {VertexRange(values.Length)}",
                    badSource ? "edgeSources" : "edgeTargets");
        }
    }

    public static void ValidateEdgeValues(ReadOnlySpan<double> values, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<double> edgeValues)
    {
        if (edgeValues.Length != sources.Length)
            throw new ArgumentException($"{edgeValues.Length} edge values given for {sources.Length} edges; give one value per edge", "edgeValues");
        for (int e = 0; e < sources.Length; e++)
        {
            double lowest = Math.Max(values[sources[e]], values[targets[e]]);
            if (!double.IsFinite(edgeValues[e]) || edgeValues[e] < lowest)
                throw new ArgumentException(
                    $"edge {e} ({sources[e]}, {targets[e]}) has value {edgeValues[e]}; an edge's value must be finite and at least its ends' values ({lowest})",
                    "edgeValues");
        }
    }

    public static void ValidateValues(ReadOnlySpan<double> values, string parameterName, string noun)
    {
        for (int v = 0; v < values.Length; v++)
            if (!double.IsFinite(values[v]))
                throw new ArgumentException($"{noun} {v} has value {values[v]}; values must be finite", parameterName);
    }

    private static string VertexRange(int count) => count == 0 ? "an empty graph" : $"0..{count - 1}";
}
