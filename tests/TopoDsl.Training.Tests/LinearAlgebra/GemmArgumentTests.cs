using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tests.LinearAlgebra;

/// <summary>Bad calls end in an ArgumentException naming the parameter, before any backend touches memory.</summary>
public sealed class GemmArgumentTests
{
    public static TheoryData<string> Backends()
    {
        var data = new TheoryData<string> { nameof(GemmBackend.Managed) };
        if (Gemm.OpenBlasAvailable) data.Add(nameof(GemmBackend.OpenBlas));
        return data;
    }

    // 2 x 3 times 3 x 4 into 2 x 4, tight strides, unless a test overrides one argument.
    private static void Call(string backend, bool ta = false, bool tb = false, int m = 2, int n = 4, int k = 3,
        int aLength = 6, int lda = 3, int bLength = 12, int ldb = 4, int cLength = 8, int ldc = 4)
    {
        var a = new float[aLength];
        var b = new float[bLength];
        var c = new float[cLength];
        Gemm.Multiply(Enum.Parse<GemmBackend>(backend), threads: 1, ManagedKernel.Best, ManagedGemm.ParallelThreshold,
            ta, tb, m, n, k, 1, a, lda, b, ldb, 0, c, ldc);
    }

    private static void AssertNames(string parameter, string fragment, Action call)
    {
        var e = Assert.ThrowsAny<ArgumentException>(call);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(fragment, e.Message);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Negative_sizes_are_refused(string backend)
    {
        AssertNames("m", "m", () => Call(backend, m: -1));
        AssertNames("n", "n", () => Call(backend, n: -1));
        AssertNames("k", "k", () => Call(backend, k: -1));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Strides_shorter_than_a_row_are_refused(string backend)
    {
        AssertNames("lda", "lda = 2 is less than the 3 columns", () => Call(backend, lda: 2));
        AssertNames("ldb", "ldb = 3 is less than the 4 columns", () => Call(backend, ldb: 3));
        AssertNames("ldc", "ldc = 3 is less than the 4 columns", () => Call(backend, ldc: 3));
        // Transposed, A is stored 3 x 2, so lda = 3 is fine and lda = 1 is not.
        AssertNames("lda", "stored 3 x 2 matrix a (transposeA = true)", () => Call(backend, ta: true, lda: 1));
        AssertNames("ldb", "stored 4 x 3 matrix b (transposeB = true)", () => Call(backend, tb: true, ldb: 2));
        // BLAS asks for a leading dimension of at least 1 even when the matrix is empty.
        AssertNames("ldc", "ldc = 0", () => Call(backend, m: 0, cLength: 0, ldc: 0));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Spans_too_short_for_their_strides_are_refused(string backend)
    {
        AssertNames("a", "a has 5 elements but a stored 2 x 3 matrix (transposeA = false) with lda = 3 needs 6", () => Call(backend, aLength: 5));
        AssertNames("a", "needs 8", () => Call(backend, lda: 5, aLength: 7));
        AssertNames("b", "b has 11 elements", () => Call(backend, bLength: 11));
        AssertNames("c", "c has 7 elements", () => Call(backend, cLength: 7));
        AssertNames("c", "with ldc = 6 needs 10", () => Call(backend, ldc: 6, cLength: 9));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Output_overlapping_an_input_is_refused(string backend)
    {
        var storage = new float[20];
        var e = Assert.ThrowsAny<ArgumentException>(() => Gemm.Multiply(Enum.Parse<GemmBackend>(backend), 1, ManagedKernel.Best, 0,
            false, false, 2, 2, 2, 1, storage.AsSpan(0, 4), 2, storage.AsSpan(10, 4), 2, 0, storage.AsSpan(2, 4), 2));
        Assert.Equal("c", e.ParamName);
        Assert.Contains("must not overlap a", e.Message);
    }

    [Fact]
    public void Empty_products_accept_empty_spans_and_leave_c_alone()
    {
        float[] c = [float.NaN];
        Gemm.Multiply(false, false, 0, 5, 3, 1, [], 3, new float[15], 5, 0, [], 5);
        Gemm.Multiply(false, false, 1, 0, 3, 1, new float[3], 3, [], 1, 0, c, 1);
        Assert.True(float.IsNaN(c[0]));
    }
}
