using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tests.LinearAlgebra;

/// <summary>
/// One and two threads on products large enough to be split into several blocks. Each result is within the
/// rounding bound of <see cref="ReferenceGemm.Tolerance"/> of the exact product, so two results can differ by at
/// most twice that bound; the managed backend splits C without splitting any dot product, so it is in fact
/// bit-for-bit identical, but the test promises only what the error analysis guarantees.
/// </summary>
public sealed class GemmThreadingTests
{
    public static TheoryData<bool, bool, int, int, int> Shapes() => new()
    {
        { false, false, 128, 256, 300 },
        { true, false, 200, 40, 64 },
        { false, true, 50, 190, 33 },
        { true, true, 97, 101, 270 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Managed_one_and_two_threads_agree(bool ta, bool tb, int m, int n, int k) =>
        AssertThreadsAgree(GemmBackend.Managed, GemmCase.Create(ta, tb, m, n, k, 1, 0.5f, padding: 1));

    [OpenBlasTheory]
    [MemberData(nameof(Shapes))]
    public void OpenBlas_one_and_two_threads_agree(bool ta, bool tb, int m, int n, int k) =>
        AssertThreadsAgree(GemmBackend.OpenBlas, GemmCase.Create(ta, tb, m, n, k, 1, 0.5f, padding: 1));

    private static void AssertThreadsAgree(GemmBackend backend, GemmCase g)
    {
        ulong seed = GemmCases.Seed(g);
        var one = GemmAssert.MatchesReference(new GemmRunner(backend, 1), g, seed);
        var two = GemmAssert.MatchesReference(new GemmRunner(backend, 2), g, seed);
        var (a, b, c) = g.Operands(seed);
        var (_, magnitudes) = ReferenceGemm.Multiply(g, a, b, c);
        for (int i = 0; i < g.M; i++)
            for (int j = 0; j < g.N; j++)
            {
                int at = i * g.Ldc + j;
                double tolerance = 2 * ReferenceGemm.Tolerance(g.K, magnitudes[at]);
                Assert.True(Math.Abs(one[at] - two[at]) <= tolerance,
                    $"{backend} {g}: C[{i},{j}] is {one[at]} with one thread, {two[at]} with two (tolerance {tolerance:G3})");
            }
    }
}
