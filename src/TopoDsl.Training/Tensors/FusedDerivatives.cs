using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TopoDsl.Training.Tensors;

/// <summary>
/// g f'(x) for the common activations in one vector pass. Chaining TensorPrimitives calls would take three
/// passes over the activation, and on the paper's 1-1024-1 network the sigmoid's backward is a large part of
/// the step. Each kernel evaluates the same float expression as the scalar tail, so results do not depend on
/// the vector width.
/// </summary>
internal static class FusedDerivatives
{
    /// <summary>dx = g (y - y²), y = sigmoid(x).</summary>
    public static void Sigmoid(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx)
    {
        Check(y, g, dx);
        ref float py = ref MemoryMarshal.GetReference(y), pg = ref MemoryMarshal.GetReference(g), pd = ref MemoryMarshal.GetReference(dx);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= y.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref py, (nuint)i);
                (Vector256.LoadUnsafe(ref pg, (nuint)i) * (v - v * v)).StoreUnsafe(ref pd, (nuint)i);
            }
        for (; i < y.Length; i++) Unsafe.Add(ref pd, i) = Unsafe.Add(ref pg, i) * (Unsafe.Add(ref py, i) - Unsafe.Add(ref py, i) * Unsafe.Add(ref py, i));
    }

    /// <summary>dx = g (1 - y²), y = tanh(x).</summary>
    public static void Tanh(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx)
    {
        Check(y, g, dx);
        ref float py = ref MemoryMarshal.GetReference(y), pg = ref MemoryMarshal.GetReference(g), pd = ref MemoryMarshal.GetReference(dx);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= y.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref py, (nuint)i);
                ((Vector256<float>.One - v * v) * Vector256.LoadUnsafe(ref pg, (nuint)i)).StoreUnsafe(ref pd, (nuint)i);
            }
        for (; i < y.Length; i++) Unsafe.Add(ref pd, i) = (1f - Unsafe.Add(ref py, i) * Unsafe.Add(ref py, i)) * Unsafe.Add(ref pg, i);
    }

    /// <summary>dx = g where x &gt; 0, else 0 (the derivative at 0 is 0, as in PyTorch).</summary>
    public static void Relu(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> dx)
    {
        Check(x, g, dx);
        ref float px = ref MemoryMarshal.GetReference(x), pg = ref MemoryMarshal.GetReference(g), pd = ref MemoryMarshal.GetReference(dx);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= x.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var positive = Vector256.GreaterThan(Vector256.LoadUnsafe(ref px, (nuint)i), Vector256<float>.Zero);
                (Vector256.LoadUnsafe(ref pg, (nuint)i) & positive).StoreUnsafe(ref pd, (nuint)i);
            }
        for (; i < x.Length; i++) Unsafe.Add(ref pd, i) = Unsafe.Add(ref px, i) > 0 ? Unsafe.Add(ref pg, i) : 0f;
    }

    private static void Check(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> result)
    {
        if (b.Length != a.Length || result.Length != a.Length)
            throw new ArgumentException($"internal: fused derivative over spans of lengths {a.Length}, {b.Length}, {result.Length}");
    }
}
