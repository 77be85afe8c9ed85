using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tests.LinearAlgebra;

public sealed class OpenBlasGemmTests
{
    public static TheoryData<int, GemmCase> Cases()
    {
        var data = new TheoryData<int, GemmCase>();
        foreach (int threads in new[] { 1, 2 })
            foreach (var g in GemmCases.EdgeAndScalarCases())
                data.Add(threads, g);
        return data;
    }

    // OpenBLAS threads are process-wide; a test running beside this one may change the count, which can change
    // the speed but not the result, so the thread count here is a request, not a guarantee.
    [OpenBlasTheory]
    [MemberData(nameof(Cases))]
    public void Matches_the_double_precision_reference(int threads, GemmCase g) =>
        GemmAssert.MatchesReference(new GemmRunner(GemmBackend.OpenBlas, threads), g, seed: GemmCases.Seed(g));

    [OpenBlasFact]
    public void Is_loaded_when_required() => Assert.True(Gemm.OpenBlasAvailable, OpenBlasOracle.SkipReason);
}
