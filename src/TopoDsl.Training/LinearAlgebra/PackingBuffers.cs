using System.Runtime.CompilerServices;

namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// One thread's packed-panel storage, kept between calls (a training step repeats the same shapes) and aligned to
/// 64 bytes so that packed rows start on a cache line.
/// </summary>
internal sealed unsafe class PackingBuffers
{
    private const int AlignmentFloats = 16;

    [ThreadStatic]
    private static PackingBuffers? _current;

    private float[] _a = [];
    private float[] _b = [];
    private float[] _tile = [];

    public static PackingBuffers ForCurrentThread() => _current ??= new PackingBuffers();

    /// <summary>Pinned storage for at least the given number of floats each; valid until the next call on this thread.</summary>
    public void Reserve(int aFloats, int bFloats, int tileFloats, out float* a, out float* b, out float* tile)
    {
        a = Aligned(ref _a, aFloats);
        b = Aligned(ref _b, bFloats);
        tile = Aligned(ref _tile, tileFloats);
    }

    private static float* Aligned(ref float[] buffer, int floats)
    {
        if (buffer.Length < floats + AlignmentFloats)
            buffer = GC.AllocateUninitializedArray<float>(floats + AlignmentFloats, pinned: true);
        // Pinned arrays never move, so the address stays valid after this method returns.
        nint address = (nint)Unsafe.AsPointer(ref buffer[0]);
        nint aligned = (address + 63) & ~(nint)63;
        return (float*)aligned;
    }
}
