namespace TopoDsl.Training.Data;

public enum CsvHeader
{
    /// <summary>The first row is a header when none of its fields is a number.</summary>
    Auto,
    Present,
    Absent,
}

/// <summary>How <see cref="Csv"/> reads a file: header handling and which columns are targets.</summary>
public sealed record CsvOptions
{
    public CsvHeader Header { get; init; } = CsvHeader.Auto;

    /// <summary>Columns holding the targets, 0-based; negative indices count from the end (−1 is the last column).
    /// Target values keep this order; every other column is an input, in file order.</summary>
    public int[] TargetColumns { get; init; } = [-1];

    /// <summary>The single target column holds integer class labels (a classification set) rather than float targets.</summary>
    public bool ClassLabels { get; init; }

    /// <summary>Number of classes when <see cref="ClassLabels"/>; defaults to the largest label + 1.</summary>
    public int? ClassCount { get; init; }

    /// <summary>The last column as integer class labels, every other column an input.</summary>
    public static CsvOptions LastColumnLabels => new() { ClassLabels = true };
}
