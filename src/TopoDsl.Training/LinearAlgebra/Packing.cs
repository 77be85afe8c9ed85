using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
        int p = 0;
        // A transpose: as 8 x 8 blocks in registers where AVX has them (element by element, the strided stores took as
        // long as a third of the kernel's time on the forward product of a 784-256 layer).
        if (Avx.IsSupported)
            for (; p + 8 <= count; p += 8)
                for (int i = 0; i < tile; i += 8)
                    TransposeBlock(src + (nint)i * stride + p, stride, Math.Max(0, Math.Min(8, lanes - i)), Math.Min(8, tile - i), dst + (nint)p * tile + i, tile);
        for (int i = 0; i < tile; i++)
        {
            float* row = src + (nint)i * stride;
            for (int q = p; q < count; q++) dst[(nint)q * tile + i] = i < lanes ? row[q] : 0;
        }
    }

    /// <summary>
    /// Values [0, 8) of <paramref name="rows"/> source rows (the rest of 8 read as zeros) go to 8 destination rows
    /// `tile` apart, <paramref name="width"/> values each: value q of source row i to q * tile + i.
    /// </summary>
    private static void TransposeBlock(float* src, int stride, int rows, int width, float* dst, int tile)
    {
        var r0 = Row(src, stride, rows, 0); var r1 = Row(src, stride, rows, 1);
        var r2 = Row(src, stride, rows, 2); var r3 = Row(src, stride, rows, 3);
        var r4 = Row(src, stride, rows, 4); var r5 = Row(src, stride, rows, 5);
        var r6 = Row(src, stride, rows, 6); var r7 = Row(src, stride, rows, 7);
        // Pairs of rows interleaved, then pairs of pairs: each 128-bit half then holds one column of four rows.
        var t0 = Avx.UnpackLow(r0, r1); var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3); var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5); var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7); var t7 = Avx.UnpackHigh(r6, r7);
        var s0 = Avx.Shuffle(t0, t2, 0x44); var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44); var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, t6, 0x44); var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44); var s7 = Avx.Shuffle(t5, t7, 0xEE);
        var mask = Avx.CompareLessThan(Indices, Vector256.Create((float)width));
        Store(Avx.Permute2x128(s0, s4, 0x20), dst, width, mask); Store(Avx.Permute2x128(s1, s5, 0x20), dst + tile, width, mask);
        Store(Avx.Permute2x128(s2, s6, 0x20), dst + 2 * tile, width, mask); Store(Avx.Permute2x128(s3, s7, 0x20), dst + 3 * tile, width, mask);
        Store(Avx.Permute2x128(s0, s4, 0x31), dst + 4 * tile, width, mask); Store(Avx.Permute2x128(s1, s5, 0x31), dst + 5 * tile, width, mask);
        Store(Avx.Permute2x128(s2, s6, 0x31), dst + 6 * tile, width, mask); Store(Avx.Permute2x128(s3, s7, 0x31), dst + 7 * tile, width, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Row(float* src, int stride, int rows, int i) => i < rows ? Avx.LoadVector256(src + (nint)i * stride) : Vector256<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<float> column, float* to, int width, Vector256<float> mask)
    {
        if (width == 8) Avx.Store(to, column);
        else Avx.MaskStore(to, mask, column);
    }

    private static readonly Vector256<float> Indices = Vector256.Create(0f, 1, 2, 3, 4, 5, 6, 7);
}
