namespace TopoDsl.Experiments.Results;

/// <summary>
/// A run's loss slice θ + α d₁ + β d₂ along two filter-normalised random directions: the grid, its sublevel persistence
/// and total persistence. <see cref="Losses"/>[row][column] is the loss at β = the row's coefficient, α = the column's.
/// </summary>
public sealed class SliceResult
{
    /// <summary>The run.</summary>
    public string Cell { get; set; } = "";

    /// <summary>α and β each run over this many points from -Span to Span.</summary>
    public int Resolution { get; set; }

    /// <summary>The half-width of the grid, in filter norms.</summary>
    public double Span { get; set; }

    /// <summary>The training samples the loss is measured on.</summary>
    public int Samples { get; set; }

    /// <summary>The loss at every grid point, row (β) by row.</summary>
    public double[][] Losses { get; set; } = [];

    /// <summary>The local minima, one per bar: grid row, column and loss.</summary>
    public List<GridPoint> Minima { get; set; } = [];

    /// <summary>The saddles, one per finite bar: where two basins join.</summary>
    public List<GridPoint> Saddles { get; set; } = [];

    /// <summary>Finite bars as [birth, death].</summary>
    public double[][] Bars { get; set; } = [];

    /// <summary>Σ (death - birth) over the finite bars (4-neighbour grid).</summary>
    public double TotalPersistence { get; set; }
}

/// <summary>A point of a slice's grid.</summary>
public sealed record GridPoint(int Row, int Column, double Loss);
