namespace TopoDsl.Experiments;

/// <summary>
/// Sweeps a hyperparameter: on a field or property named after one of the rule's hyperparameters, the values to
/// run, like BenchmarkDotNet's [Params]. Every combination of the swept values is a cell, run once per seed.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = false)]
public sealed class SweepAttribute(params object[] values) : Attribute
{
    /// <summary>The values, of the member's type.</summary>
    public object[] Values { get; } = values;
}
