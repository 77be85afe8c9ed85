using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TopoDsl.Training.Tensors;

/// <summary>
/// g f'(x) for the common activations in one vector pass. Chaining TensorPrimitives calls would take three
/// passes over the activation, and on the paper's 1-1024-1 network the sigmoid's backward is a large part of
/// the step. Each derivative evaluates the same float expression in its vector and scalar forms, so results do
/// not depend on the vector width.
/// </summary>
internal static class FusedDerivatives
{
    /// <summary>dx = g (y - y²), y = sigmoid(x).</summary>
    public static void Sigmoid(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx) => Apply<SigmoidDerivative>(y, g, dx);

    /// <summary>dx = g (1 - y²), y = tanh(x).</summary>
    public static void Tanh(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx) => Apply<TanhDerivative>(y, g, dx);

    /// <summary>dx = g where x &gt; 0, else 0 (the derivative at 0 is 0, as in PyTorch).</summary>
    public static void Relu(ReadOnlySpan<float> x, ReadOnlySpan<float> g, Span<float> dx) => Apply<ReluDerivative>(x, g, dx);

    private interface IDerivative
    {
        /// <summary>g f' from <paramref name="a"/>, the activation's input or output (whichever the derivative needs).</summary>
        static abstract Vector256<float> Of(Vector256<float> a, Vector256<float> g);

        static abstract float Of(float a, float g);
    }

    private readonly struct SigmoidDerivative : IDerivative
    {
        public static Vector256<float> Of(Vector256<float> y, Vector256<float> g) => g * (y - y * y);
        public static float Of(float y, float g) => g * (y - y * y);
    }

    private readonly struct TanhDerivative : IDerivative
    {
        public static Vector256<float> Of(Vector256<float> y, Vector256<float> g) => (Vector256<float>.One - y * y) * g;
        public static float Of(float y, float g) => (1f - y * y) * g;
    }

    private readonly struct ReluDerivative : IDerivative
    {
        public static Vector256<float> Of(Vector256<float> x, Vector256<float> g) => g & Vector256.GreaterThan(x, Vector256<float>.Zero);
        public static float Of(float x, float g) => x > 0 ? g : 0f;
    }

    private static void Apply<T>(ReadOnlySpan<float> a, ReadOnlySpan<float> g, Span<float> dx) where T : struct, IDerivative
    {
        if (g.Length != a.Length || dx.Length != a.Length)
            throw new ArgumentException($"internal: fused derivative over spans of lengths {a.Length}, {g.Length}, {dx.Length}");
        ref float pa = ref MemoryMarshal.GetReference(a), pg = ref MemoryMarshal.GetReference(g), pd = ref MemoryMarshal.GetReference(dx);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= a.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                T.Of(Vector256.LoadUnsafe(ref pa, (nuint)i), Vector256.LoadUnsafe(ref pg, (nuint)i)).StoreUnsafe(ref pd, (nuint)i);
        for (; i < a.Length; i++) Unsafe.Add(ref pd, i) = T.Of(Unsafe.Add(ref pa, i), Unsafe.Add(ref pg, i));
    }
}
