namespace TopoDsl.Experiments;

/// <summary>
/// Data from a CSV file: one sample per row, the last column the target (or a class label with
/// <see cref="ClassLabels"/>), split at random by the run's seed. A relative path is resolved from the working folder.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CsvDataAttribute(string path) : Attribute
{
    /// <summary>The CSV file.</summary>
    public string Path { get; } = path;

    /// <summary>Whether the last column holds integer class labels (cross-entropy) rather than a regression target.</summary>
    public bool ClassLabels { get; set; }

    /// <summary>The share of rows trained on (default 0.8).</summary>
    public double TrainFraction { get; set; } = 0.8;
}
