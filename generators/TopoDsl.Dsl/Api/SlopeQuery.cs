namespace TopoDsl.Dsl;

/// <summary>
/// What <see cref="RuleCompiler.SlopeBound"/> bounds: a <paramref name="Rows"/> x <paramref name="Columns"/> parameter
/// whose start values and gradients at each of <paramref name="Steps"/> steps lie in [-InputBound, InputBound];
/// hyperparameters at the values of the context (arrays from <paramref name="Arrays"/>).
/// </summary>
public sealed record SlopeQuery(double InputBound, int Steps, int Rows, int Columns, IReadOnlyDictionary<string, double[]>? Arrays = null);

/// <summary>
/// The answer to a <see cref="SlopeQuery"/>: the slope bound (infinity where none can be shown) and the largest
/// magnitude any intermediate value can take in the box; past float32's range the program itself overflows there,
/// and no finite bound is to be expected.
/// </summary>
public sealed record SlopeBound(double Slope, double LargestMagnitude)
{
    public bool StaysInFloatRange => LargestMagnitude <= float.MaxValue;
}
