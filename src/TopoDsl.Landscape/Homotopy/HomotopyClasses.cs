using TopoDsl.Homology;

namespace TopoDsl.Landscape.Homotopy;

/// <summary>
/// Classes of training paths: paths are joined when their pairwise homotopy stays within the tolerance, and classes
/// are the connected groups (union-find over all pairs, Tamim's O(N²)).
/// </summary>
public static class HomotopyClasses
{
    /// <summary>
    /// A class number per path (0, 1, ... in order of each class's first path) from the pairwise barriers
    /// (<see cref="HomotopyResult.Barrier"/>; symmetric; NaN where a pair was not compared).
    /// </summary>
    public static int[] Of(double[,] barriers, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(barriers);
        int count = barriers.GetLength(0);
        if (barriers.GetLength(1) != count) throw new ArgumentException($"the barrier matrix is {count} x {barriers.GetLength(1)}; it must be square", nameof(barriers));
        if (double.IsNaN(tolerance)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance must be a number");
        var sets = new DisjointSets(count);
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++)
                if (barriers[i, j] <= tolerance) sets.Union(i, j);
        // Numbered by each class's first path, whichever element the union-find keeps as a root.
        var label = new Dictionary<int, int>();
        var classes = new int[count];
        for (int i = 0; i < count; i++)
        {
            int root = sets.Find(i);
            if (!label.TryGetValue(root, out int number)) label[root] = number = label.Count;
            classes[i] = number;
        }
        return classes;
    }
}
