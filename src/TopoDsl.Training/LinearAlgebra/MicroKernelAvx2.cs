using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// 6 x 16 tile with 256-bit FMA: 12 accumulators, 2 B vectors and one broadcast fill 15 of the 16 ymm registers,
/// and each step does 12 FMAs for 8 loads, which keeps both FMA pipes busy.
/// </summary>
internal readonly unsafe struct MicroKernelAvx2 : IMicroKernel
{
    public static int Rows => 6;

    public static int Columns => 16;

    public static bool IsSupported => Fma.IsSupported && Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, nint aRowStride, nint aStep, float* b, float* c, nint ldc, float alpha, float beta)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        nint r1 = aRowStride, r2 = 2 * aRowStride, r3 = 3 * aRowStride;
        nint r4 = 4 * aRowStride, r5 = 5 * aRowStride;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var ai = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(ai, b0, c00);
            c01 = Fma.MultiplyAdd(ai, b1, c01);
            ai = Vector256.Create(a[r1]);
            c10 = Fma.MultiplyAdd(ai, b0, c10);
            c11 = Fma.MultiplyAdd(ai, b1, c11);
            ai = Vector256.Create(a[r2]);
            c20 = Fma.MultiplyAdd(ai, b0, c20);
            c21 = Fma.MultiplyAdd(ai, b1, c21);
            ai = Vector256.Create(a[r3]);
            c30 = Fma.MultiplyAdd(ai, b0, c30);
            c31 = Fma.MultiplyAdd(ai, b1, c31);
            ai = Vector256.Create(a[r4]);
            c40 = Fma.MultiplyAdd(ai, b0, c40);
            c41 = Fma.MultiplyAdd(ai, b1, c41);
            ai = Vector256.Create(a[r5]);
            c50 = Fma.MultiplyAdd(ai, b0, c50);
            c51 = Fma.MultiplyAdd(ai, b1, c51);
            a += aStep;
            b += 16;
        }
        var scale = Vector256.Create(alpha);
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
            var keep = Vector256.Create(beta);
            UpdateRow(c, c00, c01, scale, keep);
            UpdateRow(c + ldc, c10, c11, scale, keep);
            UpdateRow(c + 2 * ldc, c20, c21, scale, keep);
            UpdateRow(c + 3 * ldc, c30, c31, scale, keep);
            UpdateRow(c + 4 * ldc, c40, c41, scale, keep);
            UpdateRow(c + 5 * ldc, c50, c51, scale, keep);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector256<float> left, Vector256<float> right, Vector256<float> alpha)
    {
        Vector256.Store(left * alpha, c);
        Vector256.Store(right * alpha, c + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UpdateRow(float* c, Vector256<float> left, Vector256<float> right, Vector256<float> alpha, Vector256<float> beta)
    {
        Vector256.Store(Fma.MultiplyAdd(left, alpha, Vector256.Load(c) * beta), c);
        Vector256.Store(Fma.MultiplyAdd(right, alpha, Vector256.Load(c + 8) * beta), c + 8);
    }
}
