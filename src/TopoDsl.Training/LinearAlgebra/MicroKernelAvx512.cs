using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// 6 x 32 tile with 512-bit FMA: the <see cref="MicroKernelAvx2"/> schedule at twice the width, so the packing of A
/// is shared. It leaves half of the 32 zmm registers free, which a taller tile could use; it was not tuned because
/// the development machine does not expose AVX-512 (it is tested through the software fallback of Vector512).
/// </summary>
internal readonly unsafe struct MicroKernelAvx512 : IMicroKernel
{
    public static int Rows => 6;

    public static int Columns => 32;

    public static bool IsSupported => Vector512.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, nint aRowStride, nint aStep, float* b, float* c, nint ldc, float alpha, float beta)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        nint r1 = aRowStride, r2 = 2 * aRowStride, r3 = 3 * aRowStride;
        nint r4 = 4 * aRowStride, r5 = 5 * aRowStride;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var ai = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(ai, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(ai, b1, c01);
            ai = Vector512.Create(a[r1]);
            c10 = Vector512.FusedMultiplyAdd(ai, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(ai, b1, c11);
            ai = Vector512.Create(a[r2]);
            c20 = Vector512.FusedMultiplyAdd(ai, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(ai, b1, c21);
            ai = Vector512.Create(a[r3]);
            c30 = Vector512.FusedMultiplyAdd(ai, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(ai, b1, c31);
            ai = Vector512.Create(a[r4]);
            c40 = Vector512.FusedMultiplyAdd(ai, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(ai, b1, c41);
            ai = Vector512.Create(a[r5]);
            c50 = Vector512.FusedMultiplyAdd(ai, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(ai, b1, c51);
            a += aStep;
            b += 32;
        }
        var scale = Vector512.Create(alpha);
        if (beta == 0)
        {
            StoreRow(c, c00, c01, scale);
            StoreRow(c + ldc, c10, c11, scale);
            StoreRow(c + 2 * ldc, c20, c21, scale);
            StoreRow(c + 3 * ldc, c30, c31, scale);
            StoreRow(c + 4 * ldc, c40, c41, scale);
            StoreRow(c + 5 * ldc, c50, c51, scale);
        }
        else
        {
            var keep = Vector512.Create(beta);
            UpdateRow(c, c00, c01, scale, keep);
            UpdateRow(c + ldc, c10, c11, scale, keep);
            UpdateRow(c + 2 * ldc, c20, c21, scale, keep);
            UpdateRow(c + 3 * ldc, c30, c31, scale, keep);
            UpdateRow(c + 4 * ldc, c40, c41, scale, keep);
            UpdateRow(c + 5 * ldc, c50, c51, scale, keep);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector512<float> left, Vector512<float> right, Vector512<float> alpha)
    {
        Vector512.Store(left * alpha, c);
        Vector512.Store(right * alpha, c + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UpdateRow(float* c, Vector512<float> left, Vector512<float> right, Vector512<float> alpha, Vector512<float> beta)
    {
        Vector512.Store(Vector512.FusedMultiplyAdd(left, alpha, Vector512.Load(c) * beta), c);
        Vector512.Store(Vector512.FusedMultiplyAdd(right, alpha, Vector512.Load(c + 16) * beta), c + 16);
    }
}
