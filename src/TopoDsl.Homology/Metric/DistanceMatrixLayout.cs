namespace TopoDsl.Homology.Metric;

/// <summary>How the entries of a symmetric distance matrix are laid out in memory.</summary>
public enum DistanceMatrixLayout
{
    /// <summary>All n*n entries, row-major.</summary>
    Full,

    /// <summary>Strictly lower triangle, row-major: d(1,0), d(2,0), d(2,1), d(3,0), ... (ripser's lower-distance).</summary>
    LowerTriangular,

    /// <summary>Strictly upper triangle, row-major: d(0,1), d(0,2), ..., d(1,2), ... (MATLAB pdist order).</summary>
    UpperTriangular,
}
