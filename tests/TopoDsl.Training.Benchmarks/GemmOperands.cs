using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Benchmarks;

/// <summary>Random operands for one shape, reused across calls the way a training loop reuses its buffers.</summary>
public sealed class GemmOperands
{
    public GemmOperands(GemmShape shape, ulong seed = 1)
    {
        Shape = shape;
        var rng = new Rng(seed);
        A = Fill(shape.M * shape.K, rng);
        B = Fill(shape.K * shape.N, rng);
        C = new float[shape.M * shape.N];
    }

    public GemmShape Shape { get; }
    public float[] A { get; }
    public float[] B { get; }
    public float[] C { get; }

    public void Multiply() =>
        Gemm.Multiply(Shape.TransposeA, Shape.TransposeB, Shape.M, Shape.N, Shape.K, 1f, A, Shape.Lda, B, Shape.Ldb, 0f, C, Shape.N);

    private static float[] Fill(int count, Rng rng)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)rng.Uniform(-1, 1);
        return values;
    }
}
