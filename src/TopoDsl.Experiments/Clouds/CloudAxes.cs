namespace TopoDsl.Experiments.Clouds;

/// <summary>
/// A row-major H x D cloud stored one array per axis instead, the layout in which a vector holds the same coordinate
/// of consecutive neurons: what the distance kernels of the certificate, the sampling and the diameter read.
/// </summary>
internal static class CloudAxes
{
    public static float[][] FromRows(ReadOnlySpan<float> rows, int dimension)
    {
        var axes = new float[dimension][];
        for (int d = 0; d < dimension; d++) axes[d] = new float[rows.Length / dimension];
        Fill(axes, rows);
        return axes;
    }

    /// <summary>Overwrites <paramref name="axes"/> with the row-major <paramref name="rows"/> of the same shape.</summary>
    public static void Fill(float[][] axes, ReadOnlySpan<float> rows)
    {
        int dimension = axes.Length;
        for (int i = 0; i < axes[0].Length; i++)
            for (int d = 0; d < dimension; d++) axes[d][i] = rows[i * dimension + d];
    }
}
