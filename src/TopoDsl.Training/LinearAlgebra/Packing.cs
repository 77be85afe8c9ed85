using System.Runtime.Intrinsics;

namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// Copies blocks of op(A) and op(B) into the panel layout the micro-kernels stream through: contiguous, in the
/// order they are read, zero-padded to whole tiles so that the kernels never need a remainder loop.
/// </summary>
internal static unsafe class Packing
{
    /// <summary>
    /// Rows [row0, row0 + rows) and columns [col0, col0 + kc) of op(A), as panels of <paramref name="tileRows"/> rows:
    /// panel r holds element (r * tileRows + i, p) at p * tileRows + i.
    /// </summary>
    public static void PackA(StridedMatrix a, int row0, int rows, int col0, int kc, int tileRows, float* dst)
    {
        for (int r = 0; r < rows; r += tileRows)
        {
            int height = Math.Min(tileRows, rows - r);
            float* panel = dst + (nint)r * kc;
            if (a.Transposed) CopyRows(a.At(row0 + r, col0), a.Stride, kc, height, tileRows, panel);
            else Interleave(a.At(row0 + r, col0), a.Stride, height, kc, tileRows, panel);
        }
    }

    /// <summary>
    /// Rows [row0, row0 + kc) and columns [col0, col0 + columns) of op(B), as panels of <paramref name="tileColumns"/>
    /// columns: panel j holds element (p, j * tileColumns + t) at p * tileColumns + t.
    /// </summary>
    public static void PackB(StridedMatrix b, int row0, int kc, int col0, int columns, int tileColumns, float* dst)
    {
        for (int j = 0; j < columns; j += tileColumns)
        {
            int width = Math.Min(tileColumns, columns - j);
            float* panel = dst + (nint)j * kc;
            if (b.Transposed) Interleave(b.At(row0, col0 + j), b.Stride, width, kc, tileColumns, panel);
            else CopyRows(b.At(row0, col0 + j), b.Stride, kc, width, tileColumns, panel);
        }
    }

    /// <summary>count source rows of `width` contiguous values become count rows of `tile` values (zero-padded).</summary>
    private static void CopyRows(float* src, int stride, int count, int width, int tile, float* dst)
    {
        for (int p = 0; p < count; p++, src += stride, dst += tile)
        {
            int t = 0;
            for (; t + 8 <= width; t += 8) Vector256.Store(Vector256.Load(src + t), dst + t);
            for (; t < width; t++) dst[t] = src[t];
            for (; t < tile; t++) dst[t] = 0;
        }
    }

    /// <summary>`lanes` source rows of `count` contiguous values are interleaved: value p of row i goes to p * tile + i.</summary>
    private static void Interleave(float* src, int stride, int lanes, int count, int tile, float* dst)
    {
        for (int i = 0; i < lanes; i++)
        {
            float* row = src + (nint)i * stride;
            for (int p = 0; p < count; p++) dst[(nint)p * tile + i] = row[p];
        }
        for (int i = lanes; i < tile; i++)
            for (int p = 0; p < count; p++) dst[(nint)p * tile + i] = 0;
    }
}
