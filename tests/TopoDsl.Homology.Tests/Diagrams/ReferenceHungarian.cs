namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>
/// The textbook O(N³) Hungarian algorithm (row insertion with potentials) on an explicit square matrix: a slow,
/// plain cross-check for the library's collapsed-diagonal solver on medium-sized diagrams.
/// </summary>
internal static class ReferenceHungarian
{
    public static double MinimumCost(double[,] cost)
    {
        var size = cost.GetLength(0);
        // 1-based columns with column 0 holding the row being inserted, as in the classic formulation.
        var u = new double[size + 1];
        var v = new double[size + 1];
        var rowOf = new int[size + 1];
        var way = new int[size + 1];
        for (var row = 1; row <= size; row++)
        {
            rowOf[0] = row;
            var column = 0;
            var minSlack = Enumerable.Repeat(double.PositiveInfinity, size + 1).ToArray();
            var used = new bool[size + 1];
            do
            {
                used[column] = true;
                int activeRow = rowOf[column], next = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= size; j++)
                {
                    if (used[j]) continue;
                    var reduced = cost[activeRow - 1, j - 1] - u[activeRow] - v[j];
                    if (reduced < minSlack[j])
                    {
                        minSlack[j] = reduced;
                        way[j] = column;
                    }
                    if (minSlack[j] < delta)
                    {
                        delta = minSlack[j];
                        next = j;
                    }
                }
                for (var j = 0; j <= size; j++)
                {
                    if (used[j])
                    {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minSlack[j] -= delta;
                    }
                }
                column = next;
            } while (rowOf[column] != 0);
            do
            {
                var previous = way[column];
                rowOf[column] = rowOf[previous];
                column = previous;
            } while (column != 0);
        }
        var total = 0.0;
        for (var j = 1; j <= size; j++) total += cost[rowOf[j] - 1, j - 1];
        return total;
    }
}
