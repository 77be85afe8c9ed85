namespace TopoDsl.Training.Tests.Oracles;

/// <summary>Regression targets (float32, one per output element, for MSE) or class labels (for cross-entropy).</summary>
public sealed class OracleTargets
{
    public float[]? Values { get; }
    public int[]? Labels { get; }

    private OracleTargets(float[]? values, int[]? labels)
    {
        Values = values;
        Labels = labels;
    }

    public static OracleTargets Regression(float[] values) => new(values, null);

    public static OracleTargets Classes(int[] labels) => new(null, labels);

    public static implicit operator OracleTargets(float[] values) => Regression(values);

    public static implicit operator OracleTargets(int[] labels) => Classes(labels);
}
