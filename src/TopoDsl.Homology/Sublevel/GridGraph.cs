namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// The neighbour graph of a regular grid whose points are numbered in row-major order (the last axis fastest, as
/// a C array or numpy's default): each edge listed once, from the lower-numbered point.
/// </summary>
internal static class GridGraph
{
    public static (int[] Sources, int[] Targets) Edges(ReadOnlySpan<int> shape, GridConnectivity connectivity)
    {
        int rank = shape.Length;
        var strides = new long[rank];
        long count = 1;
        for (int axis = rank - 1; axis >= 0; axis--)
        {
            strides[axis] = count;
            count *= shape[axis];
        }
        var offsets = ForwardOffsets(rank, connectivity);
        long capacity = EdgeCount(shape, count, connectivity);
        if (capacity > Array.MaxLength)
            throw new ArgumentException($"a grid of {count} points has {capacity} {connectivity} edges, more than one array holds", nameof(shape));

        var sources = new List<int>((int)capacity);
        var targets = new List<int>((int)capacity);
        var coordinate = new int[rank];
        for (long point = 0; point < count; point++)
        {
            foreach (var offset in offsets)
            {
                long neighbour = point;
                bool inside = true;
                for (int axis = 0; axis < rank && inside; axis++)
                {
                    int moved = coordinate[axis] + offset[axis];
                    inside = moved >= 0 && moved < shape[axis];
                    neighbour += offset[axis] * strides[axis];
                }
                if (!inside) continue;
                sources.Add((int)point);
                targets.Add((int)neighbour);
            }
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                if (++coordinate[axis] < shape[axis]) break;
                coordinate[axis] = 0;
            }
        }
        return (sources.ToArray(), targets.ToArray());
    }

    // Faces: along each axis, (n - 1) pairs in each of the N / n lines. Full: the pairs within one step on every axis,
    // counted from each point with itself, are Π (3n - 2) ordered (n + 2(n - 1) per axis); less the N self-pairs, halved.
    private static long EdgeCount(ReadOnlySpan<int> shape, long count, GridConnectivity connectivity)
    {
        long edges = 0, ordered = 1;
        foreach (int size in shape)
        {
            edges += (size - 1) * (count / size);
            ordered *= 3L * size - 2;
        }
        return connectivity == GridConnectivity.Faces ? edges : (ordered - count) / 2;
    }

    // The offsets whose first non-zero step is +1, so that each neighbour pair is met once, from its lower-numbered end.
    private static List<int[]> ForwardOffsets(int rank, GridConnectivity connectivity)
    {
        var offsets = new List<int[]>();
        if (connectivity == GridConnectivity.Faces)
        {
            for (int axis = 0; axis < rank; axis++)
            {
                var step = new int[rank];
                step[axis] = 1;
                offsets.Add(step);
            }
            return offsets;
        }
        int total = 1;
        for (int axis = 0; axis < rank; axis++) total *= 3;
        for (int code = 0; code < total; code++)
        {
            var step = new int[rank];
            int rest = code;
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                step[axis] = rest % 3 - 1;
                rest /= 3;
            }
            int first = Array.FindIndex(step, s => s != 0);
            if (first >= 0 && step[first] == 1) offsets.Add(step);
        }
        return offsets;
    }
}
