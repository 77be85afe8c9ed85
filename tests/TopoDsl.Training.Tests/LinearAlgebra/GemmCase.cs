using TopoDsl.Training;

namespace TopoDsl.Training.Tests.LinearAlgebra;

/// <summary>One GEMM call to check: shapes, transposes, padded strides and scalars.</summary>
public sealed record GemmCase(bool TransposeA, bool TransposeB, int M, int N, int K, int Lda, int Ldb, int Ldc,
    float Alpha, float Beta)
{
    /// <summary>Tight strides (padding 0) or padded ones.</summary>
    public static GemmCase Create(bool transposeA, bool transposeB, int m, int n, int k, float alpha, float beta, int padding = 0) =>
        new(transposeA, transposeB, m, n, k,
            Math.Max(1, transposeA ? m : k) + padding,
            Math.Max(1, transposeB ? k : n) + padding,
            Math.Max(1, n) + padding, alpha, beta);

    public int ARows => TransposeA ? K : M;
    public int BRows => TransposeB ? N : K;

    public int AIndex(int i, int p) => TransposeA ? p * Lda + i : i * Lda + p;
    public int BIndex(int p, int j) => TransposeB ? j * Ldb + p : p * Ldb + j;

    /// <summary>Operands with values in [-1, 1); padding elements and C hold NaN when beta is 0 so that any read of them shows.</summary>
    public (float[] A, float[] B, float[] C) Operands(ulong seed)
    {
        var rng = new Rng(seed);
        var a = Matrix(ARows, Lda, rng);
        var b = Matrix(BRows, Ldb, rng);
        var c = Matrix(M, Ldc, rng);
        if (Beta == 0) Array.Fill(c, float.NaN);
        return (a, b, c);
    }

    private static float[] Matrix(int rows, int stride, Rng rng)
    {
        var values = new float[rows * stride];
        for (int i = 0; i < values.Length; i++) values[i] = (float)rng.Uniform(-1, 1);
        return values;
    }

    public override string ToString() =>
        $"{(TransposeA ? "T" : "N")}{(TransposeB ? "T" : "N")} m={M} n={N} k={K} lda={Lda} ldb={Ldb} ldc={Ldc} alpha={Alpha} beta={Beta}";
}
