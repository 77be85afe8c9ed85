namespace TopoDsl.Training.LinearAlgebra;

/// <summary>One validated product C = alpha * op(A) * op(B) + beta * C over pinned memory.</summary>
internal readonly unsafe struct GemmProblem(StridedMatrix a, StridedMatrix b, float* c, int ldc, int m, int n, int k,
    float alpha, float beta)
{
    public readonly StridedMatrix A = a;
    public readonly StridedMatrix B = b;
    public readonly float* C = c;
    public readonly int Ldc = ldc;
    public readonly int M = m;
    public readonly int N = n;
    public readonly int K = k;
    public readonly float Alpha = alpha;
    public readonly float Beta = beta;
}
