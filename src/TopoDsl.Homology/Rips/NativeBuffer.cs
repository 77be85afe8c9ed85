using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// A growable array outside the garbage-collected heap, for the reduction's working columns and record.
/// </summary>
/// <remarks>
/// Why not an array: a managed array that doubles leaves its old copy behind until a full collection, so peak
/// memory holds every size it passed through. Reallocating native memory moves large blocks by remapping
/// pages, leaves nothing behind, and lets the hot loops index without bounds checks.
/// </remarks>
internal sealed unsafe class NativeBuffer<T> : IDisposable where T : unmanaged
{
    private T* _items;
    private long _capacity;

    public NativeBuffer(long initialCapacity)
    {
        _capacity = Math.Max(16, initialCapacity);
        _items = (T*)NativeMemory.Alloc((nuint)_capacity, (nuint)sizeof(T));
    }

    ~NativeBuffer() => Free();

    /// <summary>The first element; valid until the next <see cref="EnsureCapacity"/>.</summary>
    public T* Items => _items;

    public long Capacity => _capacity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnsureCapacity(long count)
    {
        if (count > _capacity) Grow(count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(long count)
    {
        long capacity = Math.Max(count, _capacity * 2);
        var grown = (T*)NativeMemory.Realloc(_items, checked((nuint)capacity * (nuint)sizeof(T)));
        _items = grown;
        _capacity = capacity;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        NativeMemory.Free(_items);
        _items = null;
        _capacity = 0;
    }
}
