namespace TopoDsl.Experiments;

/// <summary>
/// Across all runs, the least-squares line of the generalisation gap (test loss minus training loss, and training
/// accuracy minus test accuracy for labelled data) on the total persistence of each run's <see cref="LossSliceAttribute"/>
/// slice, with R² and a confidence interval for the slope: Tamim's claim (R² = 0.82) as a measurement. Needs
/// [LossSlice] and at least three runs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GeneralisationFitAttribute : Attribute
{
    /// <summary>The confidence level of the slope's interval (default 0.95).</summary>
    public double Confidence { get; set; } = 0.95;
}
