namespace TopoDsl.Experiments;

/// <summary>
/// The experiment's update rule: an <c>[UpdateRule]</c> class (whose checked traits decide whether Theorem 1's
/// certificate applies) or any other <c>IOptimizer</c> with a public parameterless constructor. Its hyperparameters
/// are set by the experiment's fields of the same names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OptimizerAttribute(Type rule) : Attribute
{
    /// <summary>The optimizer type.</summary>
    public Type Rule { get; } = rule;

    /// <summary>The hyperparameter that is the step size η (default "lr").</summary>
    public string StepSize { get; set; } = "lr";
}
