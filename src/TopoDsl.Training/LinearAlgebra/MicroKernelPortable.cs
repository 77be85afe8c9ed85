using System.Numerics;
using System.Runtime.CompilerServices;

namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// 4 x (2 Vector&lt;float&gt;) tile without FMA, for machines where neither fixed-width kernel is accelerated.
/// Multiply then add (not Vector.FusedMultiplyAdd), because a fused operation without hardware support is
/// emulated one lane at a time.
/// </summary>
internal readonly unsafe struct MicroKernelPortable : IMicroKernel
{
    public static int Rows => 4;

    public static int Columns => 2 * Vector<float>.Count;

    public static bool IsSupported => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* a, nint aRowStride, nint aStep, float* b, float* c, nint ldc, float alpha, float beta)
    {
        int width = Vector<float>.Count;
        Vector<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector<float> c20 = default, c21 = default, c30 = default, c31 = default;
        nint r1 = aRowStride, r2 = 2 * aRowStride, r3 = 3 * aRowStride;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector.Load(b);
            var b1 = Vector.Load(b + width);
            var ai = new Vector<float>(a[0]);
            c00 += ai * b0;
            c01 += ai * b1;
            ai = new Vector<float>(a[r1]);
            c10 += ai * b0;
            c11 += ai * b1;
            ai = new Vector<float>(a[r2]);
            c20 += ai * b0;
            c21 += ai * b1;
            ai = new Vector<float>(a[r3]);
            c30 += ai * b0;
            c31 += ai * b1;
            a += aStep;
            b += 2 * width;
        }
        WriteRow(c, c00, c01, alpha, beta);
        WriteRow(c + ldc, c10, c11, alpha, beta);
        WriteRow(c + 2 * ldc, c20, c21, alpha, beta);
        WriteRow(c + 3 * ldc, c30, c31, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteRow(float* c, Vector<float> left, Vector<float> right, float alpha, float beta)
    {
        int width = Vector<float>.Count;
        if (beta == 0)
        {
            Vector.Store(left * alpha, c);
            Vector.Store(right * alpha, c + width);
        }
        else
        {
            Vector.Store(left * alpha + Vector.Load(c) * beta, c);
            Vector.Store(right * alpha + Vector.Load(c + width) * beta, c + width);
        }
    }
}
