namespace TopoDsl.Experiments;

/// <summary>
/// Marks the method that gives the experiment's data, instead of a data attribute. Its signature is
/// <c>static ExperimentData Name(ulong seed)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DataAttribute : Attribute
{
}
