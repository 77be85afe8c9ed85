using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tests.LinearAlgebra;

public sealed class ManagedGemmTests
{
    // Kernels are passed by name: xunit theories need public parameter types and the kernels are internal.
    public static TheoryData<string, int, GemmCase> Cases()
    {
        var data = new TheoryData<string, int, GemmCase>();
        foreach (var kernel in GemmRunner.ManagedKernels())
            foreach (int threads in new[] { 1, 2 })
                foreach (var g in GemmCases.EdgeAndScalarCases())
                    data.Add(kernel.ToString(), threads, g);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_the_double_precision_reference(string kernel, int threads, GemmCase g) =>
        GemmAssert.MatchesReference(new GemmRunner(GemmBackend.Managed, threads, Enum.Parse<ManagedKernel>(kernel)), g,
            seed: GemmCases.Seed(g));
}
