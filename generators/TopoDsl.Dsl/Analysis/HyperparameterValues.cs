namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// Hyperparameters' default values as the emitted code reads them: a float field as its float, a double as its
/// double. A constant of the step is computed from them in double and rounded to float once; used alone, a double
/// is rounded to float (eps = 1e-300 is 0 there), which <see cref="Floors.Normalize"/> accounts for by counting
/// positive bounds below 1e-30 as 0. No default: unknown (null).
/// </summary>
internal static class HyperparameterValues
{
    public static IReadOnlyDictionary<string, double?> AsEmittedCodeReads(RuleContext context)
    {
        var values = new Dictionary<string, double?>(StringComparer.Ordinal);
        foreach (var hyperparameter in context.Hyperparameters)
            if (!values.ContainsKey(hyperparameter.Name))
                values.Add(hyperparameter.Name, hyperparameter.DefaultValue is double v
                    ? hyperparameter.Type == HyperparameterType.Float ? (float)v : v
                    : null);
        return values;
    }
}
