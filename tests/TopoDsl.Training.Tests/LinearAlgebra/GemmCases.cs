namespace TopoDsl.Training.Tests.LinearAlgebra;

/// <summary>The shapes every backend is checked on.</summary>
internal static class GemmCases
{
    // Sizes around the tile edges of all kernels (4, 6, 8, 16, 32), the depth block (256) and the widths below which
    // A is read in place rather than packed (2 tiles: 32 or 64 columns), plus 1 and 0.
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (0, 5, 3), (4, 0, 3), (3, 5, 0), (1, 17, 9), (17, 1, 9), (7, 33, 1),
        (6, 16, 8), (12, 32, 5), (13, 31, 29), (5, 15, 300), (37, 19, 513), (64, 48, 40), (9, 70, 21),
        // thin products (one of m, n, k is 1) past the lengths their scratch vectors keep on the stack
        (2, 1100, 1), (5, 1, 1030), (4100, 1, 2), (1, 4100, 2),
    ];

    private static readonly (float Alpha, float Beta)[] Scalars = [(1, 0), (1, 1), (-0.5f, 2.5f), (0, 0.75f), (0, 0)];

    /// <summary>A seed that depends only on the case, so that a failure reproduces.</summary>
    public static ulong Seed(GemmCase g) =>
        (ulong)(((g.M * 131 + g.N) * 131 + g.K) * 4 + (g.TransposeA ? 2 : 0) + (g.TransposeB ? 1 : 0)) ^ (ulong)g.Lda << 32;

    /// <summary>All four transpose combinations on every shape, tight and padded strides, and each alpha/beta pair on a few shapes.</summary>
    public static IEnumerable<GemmCase> EdgeAndScalarCases()
    {
        foreach (var (m, n, k) in Shapes)
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                {
                    yield return GemmCase.Create(ta, tb, m, n, k, 1, 0);
                    yield return GemmCase.Create(ta, tb, m, n, k, 1.5f, -1, padding: 3);
                }
        foreach (var (alpha, beta) in Scalars)
            foreach (var (m, n, k) in new[] { (13, 31, 29), (3, 5, 0), (37, 19, 513), (1, 17, 9), (17, 1, 9), (7, 33, 1) })
                yield return GemmCase.Create(true, false, m, n, k, alpha, beta, padding: 2);
    }
}
