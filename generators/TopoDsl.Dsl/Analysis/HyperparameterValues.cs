namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// Hyperparameters' default values as the emitted code computes with them: rounded to float32 (a double
/// eps = 1e-300 is 0 there, so it cannot keep a divisor away from zero). No default: unknown (null).
/// </summary>
internal static class HyperparameterValues
{
    public static IReadOnlyDictionary<string, double?> AsFloat32Sees(RuleContext context)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var hyperparameter in context.Hyperparameters)
            if (!values.ContainsKey(hyperparameter.Name))
                values.Add(hyperparameter.Name, hyperparameter.DefaultValue is double v ? (double)(float)v : null);
        return values;
    }
}
