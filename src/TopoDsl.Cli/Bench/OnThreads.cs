using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Cli.Bench;

/// <summary>Measurements repeated at several thread counts, with the GEMM's thread setting put back afterwards.</summary>
internal static class OnThreads
{
    public static List<T> Each<T>(IEnumerable<int> threadCounts, Func<int, T> measure)
    {
        var rows = new List<T>();
        int restore = Gemm.Threads;
        try
        {
            foreach (int n in threadCounts)
            {
                Gemm.Threads = n;
                rows.Add(measure(n));
            }
        }
        finally
        {
            Gemm.Threads = restore;
        }
        return rows;
    }
}
