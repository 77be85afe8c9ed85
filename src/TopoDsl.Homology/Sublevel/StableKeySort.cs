namespace TopoDsl.Homology.Sublevel;

internal static class StableKeySort
{
    /// <summary>
    /// Sorts ids by (key, id). Array.Sort is introspective and unstable, so equal keys are re-sorted by id
    /// afterwards; runs of equal keys are short in practice, which keeps this O(n log n).
    /// </summary>
    public static void SortByKeyThenId(double[] keys, int[] ids)
    {
        Array.Sort(keys, ids);
        int start = 0;
        while (start < keys.Length)
        {
            int end = start + 1;
            while (end < keys.Length && keys[end] == keys[start]) end++;
            if (end - start > 1) ids.AsSpan(start, end - start).Sort();
            start = end;
        }
    }
}
