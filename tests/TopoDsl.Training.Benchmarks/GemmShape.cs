namespace TopoDsl.Training.Benchmarks;

/// <summary>One product C (m x n) = op(A) (m x k) * op(B) (k x n), with dense operands.</summary>
public sealed record GemmShape(string Name, bool TransposeA, bool TransposeB, int M, int N, int K)
{
    /// <summary>The products of one training step of an MLP 784-256-10 on a batch of 128 (weights stored in x out).</summary>
    public static readonly GemmShape[] MlpStep =
    [
        new("fwd1  X W1      ", false, false, 128, 256, 784),
        new("fwd2  H W2      ", false, false, 128, 10, 256),
        new("dW2   H^T dY    ", true, false, 256, 10, 128),
        new("dH    dY W2^T   ", false, true, 128, 256, 10),
        new("dW1   X^T dH    ", true, false, 784, 256, 128),
        new("dX    dH W1^T   ", false, true, 128, 784, 256),
    ];

    public int Lda => TransposeA ? M : K;
    public int Ldb => TransposeB ? K : N;

    public override string ToString() => Name.Trim();
}
