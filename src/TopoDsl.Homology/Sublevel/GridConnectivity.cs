namespace TopoDsl.Homology.Sublevel;

/// <summary>Which grid points are neighbours in a sublevel filtration of a grid.</summary>
public enum GridConnectivity
{
    /// <summary>
    /// Points one step apart along one axis (4 neighbours in 2-D, 6 in 3-D): the lower-star filtration of the grid's
    /// vertices, GUDHI's cubical complex built from vertex values.
    /// </summary>
    Faces,

    /// <summary>
    /// Points at most one step apart along every axis, diagonals included (8 neighbours in 2-D, 26 in 3-D): GUDHI's
    /// cubical complex built from top-dimensional cells, each value a cell.
    /// </summary>
    Full,
}
