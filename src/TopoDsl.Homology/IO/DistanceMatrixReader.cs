using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Reads the dense distance formats. Entries are separated by whitespace and/or commas; blank lines and
/// <c>#</c> comment lines are skipped. Paths may be "-" for standard input.
/// </summary>
public static class DistanceMatrixReader
{
    /// <summary>
    /// <c>distance</c>: the full matrix, one row per line. Unlike ripser (which reads only the lower part), the matrix
    /// must be square, symmetric and have a zero diagonal.
    /// </summary>
    /// <exception cref="InputFormatException">The file is missing, unreadable, empty or malformed.</exception>
    public static DistanceMatrix ReadFull(string path) => InputSource.Read(path, ReadFull);

    public static DistanceMatrix ReadFull(TextReader reader, string source) =>
        FullDistanceMatrixParser.Parse(reader, source);

    /// <summary><c>lower-distance</c>: d(1,0), d(2,0), d(2,1), d(3,0), ... in any line layout.</summary>
    /// <exception cref="InputFormatException">The file is missing, unreadable, empty or malformed.</exception>
    public static DistanceMatrix ReadLowerTriangular(string path) => InputSource.Read(path, ReadLowerTriangular);

    public static DistanceMatrix ReadLowerTriangular(TextReader reader, string source) =>
        TriangularDistanceParser.Parse(reader, source, DistanceMatrixLayout.LowerTriangular);

    /// <summary><c>upper-distance</c>: d(0,1), d(0,2), ..., d(1,2), ... (MATLAB pdist order) in any line layout.</summary>
    /// <exception cref="InputFormatException">The file is missing, unreadable, empty or malformed.</exception>
    public static DistanceMatrix ReadUpperTriangular(string path) => InputSource.Read(path, ReadUpperTriangular);

    public static DistanceMatrix ReadUpperTriangular(TextReader reader, string source) =>
        TriangularDistanceParser.Parse(reader, source, DistanceMatrixLayout.UpperTriangular);
}
