namespace TopoDsl.Homology.Diagrams;

/// <summary>
/// The minimum-cost assignment in which every row either takes a column of its own (no column is shared) or opts
/// out at a price of its own, solved exactly by the Hungarian method in its shortest-augmenting-path form
/// (Jonker–Volgenant; this layout follows Crouse's rectangular variant): rows are inserted one at a time and each
/// is given a Dijkstra search on reduced costs kept non-negative by row and column potentials.
/// </summary>
/// <remarks>
/// An opt-out behaves as a private column that only its row can reach, so a search never passes through it: the
/// first one it reaches ends the search, and only the cheapest one seen so far needs keeping. Its potential stays
/// 0, because a column's potential only moves once it has been passed through.
/// </remarks>
internal static class OptOutAssignment
{
    /// <summary>The column of a row that opted out.</summary>
    public const int OptedOut = -1;

    private const int NoRow = -1;

    /// <summary>Returns each row's column, or <see cref="OptedOut"/>.</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="cost">rows × columns, row-major: the price of row i taking column j.</param>
    /// <param name="optOutCost">The price of row i taking no column.</param>
    public static int[] Solve(int rows, int columns, double[] cost, double[] optOutCost)
    {
        var search = new Search(rows, columns, cost, optOutCost);
        for (var row = 0; row < rows; row++) search.Insert(row);
        return search.ColumnOfRow;
    }

    private sealed class Search(int rows, int columns, double[] cost, double[] optOutCost)
    {
        private readonly double[] _rowPotential = new double[rows];
        private readonly double[] _columnPotential = new double[columns];
        private readonly int[] _rowOfColumn = Filled(columns, NoRow);
        private readonly double[] _pathCost = new double[columns];
        private readonly int[] _predecessorRow = new int[columns];
        private readonly int[] _unvisitedColumns = new int[columns];
        private readonly int[] _visitedColumns = new int[columns];
        private readonly int[] _scannedRows = new int[rows];

        public int[] ColumnOfRow { get; } = Filled(rows, OptedOut);

        public void Insert(int newRow)
        {
            Array.Fill(_pathCost, double.PositiveInfinity);
            for (var j = 0; j < columns; j++) _unvisitedColumns[j] = j;
            int unvisited = columns, visited = 0, scanned = 0;
            var distance = 0.0;            // length of the shortest path found so far
            var bestOptOut = double.PositiveInfinity;
            var bestOptOutRow = NoRow;
            var row = newRow;
            int sinkColumn;
            while (true)
            {
                _scannedRows[scanned++] = row;
                var reducedRowBase = distance - _rowPotential[row];
                if (reducedRowBase + optOutCost[row] < bestOptOut)
                {
                    bestOptOut = reducedRowBase + optOutCost[row];
                    bestOptOutRow = row;
                }

                var lowest = double.PositiveInfinity;
                var lowestAt = -1;
                var rowCosts = cost.AsSpan(row * columns, columns);
                for (var k = 0; k < unvisited; k++)
                {
                    var j = _unvisitedColumns[k];
                    var length = reducedRowBase + rowCosts[j] - _columnPotential[j];
                    if (length < _pathCost[j])
                    {
                        _pathCost[j] = length;
                        _predecessorRow[j] = row;
                    }
                    // Among equally short paths prefer one that ends at a free column.
                    if (_pathCost[j] < lowest || (_pathCost[j] == lowest && _rowOfColumn[j] == NoRow))
                    {
                        lowest = _pathCost[j];
                        lowestAt = k;
                    }
                }

                if (bestOptOut <= lowest)
                {
                    distance = bestOptOut;
                    sinkColumn = OptedOut;
                    break;
                }
                distance = lowest;
                var column = _unvisitedColumns[lowestAt];
                _unvisitedColumns[lowestAt] = _unvisitedColumns[--unvisited];
                _visitedColumns[visited++] = column;
                if (_rowOfColumn[column] == NoRow)
                {
                    sinkColumn = column;
                    break;
                }
                row = _rowOfColumn[column];
            }

            UpdatePotentials(newRow, distance, scanned, visited);
            Augment(newRow, sinkColumn, bestOptOutRow);
        }

        private void UpdatePotentials(int newRow, double distance, int scanned, int visited)
        {
            _rowPotential[newRow] += distance;
            for (var k = 0; k < scanned; k++)
            {
                var row = _scannedRows[k];
                if (row != newRow) _rowPotential[row] += distance - _pathCost[ColumnOfRow[row]];
            }
            for (var k = 0; k < visited; k++)
            {
                var column = _visitedColumns[k];
                _columnPotential[column] -= distance - _pathCost[column];
            }
        }

        /// <summary>Flips the path from the sink back to the new row; an opt-out sink frees its row's column first.</summary>
        private void Augment(int newRow, int sinkColumn, int optOutRow)
        {
            var column = sinkColumn;
            if (sinkColumn == OptedOut)
            {
                column = ColumnOfRow[optOutRow];
                ColumnOfRow[optOutRow] = OptedOut;
                if (optOutRow == newRow) return;
            }
            while (true)
            {
                var row = _predecessorRow[column];
                _rowOfColumn[column] = row;
                (ColumnOfRow[row], column) = (column, ColumnOfRow[row]);
                if (row == newRow) return;
            }
        }

        private static int[] Filled(int length, int value)
        {
            var result = new int[length];
            Array.Fill(result, value);
            return result;
        }
    }
}
