using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tensors;

/// <summary>Matrix products of 2-D tensors through <see cref="Gemm"/>; transposes are gemm flags, never copies.</summary>
public sealed partial class Tensor
{
    /// <summary>[m, k] x [k, n] = [m, n].</summary>
    public Tensor MatMul(Tensor other) => MatMul(this, other, transposeA: false, transposeB: false);

    /// <summary>this x other^T: [m, k] x [n, k]^T = [m, n]; the form of a Linear layer with PyTorch's [out, in] weights.</summary>
    public Tensor MatMulTransposed(Tensor other) => MatMul(this, other, transposeA: false, transposeB: true);

    /// <summary>op(a) x op(b), where op transposes when asked.</summary>
    public static Tensor MatMul(Tensor a, Tensor b, bool transposeA, bool transposeB)
    {
        if (a.Rank != 2 || b.Rank != 2)
            throw new ShapeMismatchException($"MatMul needs 2-D tensors, not {Shapes.Format(a.Shape)} and {Shapes.Format(b.Shape)}");
        int m = transposeA ? a.Dim(1) : a.Dim(0), k = transposeA ? a.Dim(0) : a.Dim(1);
        int kb = transposeB ? b.Dim(1) : b.Dim(0), n = transposeB ? b.Dim(0) : b.Dim(1);
        if (k != kb)
            throw new ShapeMismatchException(
                $"MatMul: inner dimensions differ: {Shapes.Format(a.Shape)}{(transposeA ? "^T" : "")} x {Shapes.Format(b.Shape)}{(transposeB ? "^T" : "")} ({k} vs {kb})");

        var result = new Tensor(Uninitialized(m * n), m, n); // gemm with beta = 0 writes every element
        Gemm.Multiply(transposeA, transposeB, m, n, k, 1f, a.Data, a.Dim(1), b.Data, b.Dim(1), 0f, result.Data, n);
        return result.Record("MatMul", [a, b], g =>
        {
            // C = op(A) op(B): dop(A) = G op(B)^T, dop(B) = op(A)^T G; a transposed operand takes the transposed gradient.
            if (a.RequiresGrad)
                SendGrad(a, transposeA ? MatMul(b, g, transposeB, true) : MatMul(g, b, false, !transposeB));
            if (b.RequiresGrad)
                SendGrad(b, transposeB ? MatMul(g, a, true, transposeA) : MatMul(a, g, !transposeA, false));
        });
    }

    /// <summary>The transpose of a 2-D tensor (a copy).</summary>
    public Tensor Transpose()
    {
        if (Rank != 2) throw new ShapeMismatchException($"Transpose needs a 2-D tensor, not {Shapes.Format(Shape)}");
        int rows = Dim(0), cols = Dim(1);
        var t = Uninitialized(Count);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                t[j * rows + i] = Data[i * cols + j];
        return new Tensor(t, cols, rows).Record("Transpose", [this], g => SendGrad(this, g.Transpose()));
    }
}
