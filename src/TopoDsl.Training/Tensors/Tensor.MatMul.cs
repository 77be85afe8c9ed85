using TopoDsl.Training.LinearAlgebra;

namespace TopoDsl.Training.Tensors;

/// <summary>Matrix products of 2-D tensors through <see cref="Gemm"/>; the backward products use gemm's transpose flags instead of transposed copies.</summary>
public sealed partial class Tensor
{
    /// <summary>[m, k] x [k, n] = [m, n].</summary>
    public Tensor MatMul(Tensor other) => MatMul(this, other, transposeB: false);

    /// <summary>this x other^T: [m, k] x [n, k]^T = [m, n]; the form of a Linear layer with PyTorch's [out, in] weights.</summary>
    public Tensor MatMulTransposed(Tensor other) => MatMul(this, other, transposeB: true);

    private static Tensor MatMul(Tensor a, Tensor b, bool transposeB)
    {
        string op = transposeB ? "MatMulTransposed" : "MatMul";
        if (a.Rank != 2 || b.Rank != 2)
            throw new ShapeMismatchException($"{op} needs 2-D tensors, not {Shapes.Format(a.Shape)} and {Shapes.Format(b.Shape)}");
        int m = a.Dim(0), k = a.Dim(1);
        int n = transposeB ? b.Dim(0) : b.Dim(1);
        int kb = transposeB ? b.Dim(1) : b.Dim(0);
        if (k != kb)
            throw new ShapeMismatchException(
                $"{op}: inner dimensions differ: {Shapes.Format(a.Shape)} x {Shapes.Format(b.Shape)}{(transposeB ? "^T" : "")} ({k} vs {kb})");

        var result = Zeros(m, n);
        Gemm.Multiply(false, transposeB, m, n, k, 1f, a.Data, k, b.Data, b.Dim(1), 0f, result.Data, n);
        return result.Record(op, [a, b], g =>
        {
            if (a.RequiresGrad)
            {
                // dA = G B^T (or G B when B was used transposed)
                var da = new float[m * k];
                Gemm.Multiply(false, !transposeB, m, k, n, 1f, g.Data, n, b.Data, b.Dim(1), 0f, da, k);
                SendGrad(a, da);
            }
            if (b.RequiresGrad)
            {
                var db = new float[b.Count];
                if (transposeB) Gemm.Multiply(true, false, n, k, m, 1f, g.Data, n, a.Data, k, 0f, db, k);   // dB = G^T A
                else Gemm.Multiply(true, false, k, n, m, 1f, a.Data, k, g.Data, n, 0f, db, n);            // dB = A^T G
                SendGrad(b, db);
            }
        });
    }

    /// <summary>The transpose of a 2-D tensor (a copy).</summary>
    public Tensor Transpose()
    {
        if (Rank != 2) throw new ShapeMismatchException($"Transpose needs a 2-D tensor, not {Shapes.Format(Shape)}");
        int rows = Dim(0), cols = Dim(1);
        var t = new float[Count];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                t[j * rows + i] = Data[i * cols + j];
        return new Tensor(t, cols, rows).Record("Transpose", [this], g =>
        {
            var back = new float[Count];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                    back[i * cols + j] = g.Data[j * rows + i];
            SendGrad(this, back);
        });
    }
}
