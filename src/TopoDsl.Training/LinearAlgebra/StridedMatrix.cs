namespace TopoDsl.Training.LinearAlgebra;

/// <summary>op(X) over row-major storage: element (row, column) of X or of X^T, with the row stride of X.</summary>
internal readonly unsafe struct StridedMatrix(float* data, int stride, bool transposed)
{
    public readonly float* Data = data;
    public readonly int Stride = stride;
    public readonly bool Transposed = transposed;

    /// <summary>Address of element (row, column) of op(X).</summary>
    public float* At(int row, int column) =>
        Transposed ? Data + (nint)column * Stride + row : Data + (nint)row * Stride + column;
}
