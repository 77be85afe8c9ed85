using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tests.LinearAlgebra;

public static class GemmCaseArbitraries
{
    // Mostly small sizes, where the tile edges are, with an occasional size past a depth or row block.
    private static readonly Gen<int> Size = Gen.Frequency(
        (6, Gen.Choose(0, 40)),
        (1, Gen.Choose(41, 300)));

    private static readonly Gen<float> Scalar = Gen.Elements(0f, 1f, -1f, 0.5f, 2.25f, -3f);

    public static Arbitrary<GemmCase> Cases() => Arb.From(
        from ta in ArbMap.Default.GeneratorFor<bool>()
        from tb in ArbMap.Default.GeneratorFor<bool>()
        from m in Size
        from n in Size
        from k in Size
        from alpha in Scalar
        from beta in Scalar
        from padding in Gen.Elements(0, 0, 1, 7)
        select GemmCase.Create(ta, tb, m, n, k, alpha, beta, padding));
}

/// <summary>Random shapes, transposes, strides and scalars against the double-precision reference.</summary>
[Properties(Arbitrary = [typeof(GemmCaseArbitraries)], MaxTest = 150)]
public sealed class GemmPropertyTests
{
    [Property]
    public void Managed_matches_the_reference(GemmCase g)
    {
        foreach (var kernel in GemmRunner.ManagedKernels())
            foreach (int threads in new[] { 1, 2 })
                GemmAssert.MatchesReference(new GemmRunner(GemmBackend.Managed, threads, kernel), g, GemmCases.Seed(g));
    }

    // A fact running the property itself: FsCheck's [Property] with a Skip reason vanishes from the results
    // instead of showing as skipped.
    [OpenBlasFact]
    public void OpenBlas_matches_the_reference() =>
        Prop.ForAll(GemmCaseArbitraries.Cases(),
                g => GemmAssert.MatchesReference(new GemmRunner(GemmBackend.OpenBlas, 1), g, GemmCases.Seed(g)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(150));
}
