namespace TopoDsl.Homology.IO;

/// <summary>The text input formats, named as ripser names them (see <see cref="InputFormats"/>).</summary>
public enum InputFormat
{
    /// <summary><c>point-cloud</c>: one point per line, its coordinates separated by whitespace or commas.</summary>
    PointCloud,

    /// <summary><c>distance</c>: the full square matrix, one row per line; must be symmetric with a zero diagonal.</summary>
    Distance,

    /// <summary><c>lower-distance</c>: the strict lower triangle, row-major: d(1,0), d(2,0), d(2,1), d(3,0), ...</summary>
    LowerDistance,

    /// <summary><c>upper-distance</c>: the strict upper triangle, row-major (MATLAB <c>pdist</c> order).</summary>
    UpperDistance,

    /// <summary><c>sparse</c>: one edge <c>i j d</c> per line; pairs not listed are at infinite distance.</summary>
    Sparse,
}
