namespace TopoDsl.Homology.IO;

/// <summary>Reads an input file in any <see cref="InputFormat"/>.</summary>
public static class MetricReader
{
    /// <param name="path">A file, or "-" for standard input.</param>
    /// <exception cref="InputFormatException">The file is missing, unreadable, empty or malformed.</exception>
    public static MetricInput Read(string path, InputFormat format) =>
        InputSource.Read(path, (reader, source) => Read(reader, source, format));

    /// <param name="source">The name used in error messages.</param>
    public static MetricInput Read(TextReader reader, string source, InputFormat format) => format switch
    {
        InputFormat.PointCloud => new MetricInput(format, source, PointCloudReader.Read(reader, source)),
        InputFormat.Distance => new MetricInput(format, source, DistanceMatrixReader.ReadFull(reader, source)),
        InputFormat.LowerDistance => new MetricInput(format, source, DistanceMatrixReader.ReadLowerTriangular(reader, source)),
        InputFormat.UpperDistance => new MetricInput(format, source, DistanceMatrixReader.ReadUpperTriangular(reader, source)),
        InputFormat.Sparse => new MetricInput(format, source, SparseDistancesReader.Read(reader, source)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an input format"),
    };
}
