using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// A binary min-heap of terms in filtration order: the working coboundary of the column being reduced.
/// Equal simplices are not merged on insertion; the pivot extraction cancels them lazily (Z/2) or sums
/// their coefficients (Z/p), which is cheaper than a search on every push.
/// </summary>
/// <remarks>
/// Entries are packed into 12 bytes, as in Ripser: the diameter and one 64-bit key that holds the index,
/// shifted left past the coefficient for Z/p, or the index alone for Z/2, whose coefficients are all 1.
/// The heap is most of a hard column's memory, so the packing cuts a quarter of the peak.
/// </remarks>
internal sealed unsafe class ColumnHeap : IDisposable
{
    /// <summary>Bits of the key that hold a Z/p coefficient; the moduli <see cref="Field"/> accepts fit in them.</summary>
    public const int CoefficientBits = 16;

    /// <summary>The largest simplex index a heap for this modulus can hold.</summary>
    public static long MaxIndex(int modulus) => modulus == 2 ? long.MaxValue : (1L << (63 - CoefficientBits)) - 1;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public float Diameter;
        public long Key;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly bool Precedes(in Entry other) =>
            Diameter < other.Diameter || (Diameter == other.Diameter && Key > other.Key);
    }

    private readonly NativeBuffer<Entry> _buffer = new(64);
    private readonly int _modulus;
    private readonly int _shift;
    private Entry* _items;
    private long _count;

    public ColumnHeap(int modulus)
    {
        _modulus = modulus;
        _shift = modulus == 2 ? 0 : CoefficientBits;
        _items = _buffer.Items;
    }

    public long Count => _count;

    public void Clear() => _count = 0;

    public void Dispose() => _buffer.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Entry Pack(in Term term) => new() { Diameter = term.Diameter, Key = (term.Index << _shift) | (long)(_shift == 0 ? 0 : term.Coefficient) };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Term Unpack(in Entry entry) =>
        new(entry.Diameter, entry.Key >> _shift, _shift == 0 ? 1 : (int)(entry.Key & ((1L << CoefficientBits) - 1)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureRoomForOne()
    {
        if (_count == _buffer.Capacity)
        {
            _buffer.EnsureCapacity(_count + 1);
            _items = _buffer.Items;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Push(in Term term)
    {
        EnsureRoomForOne();
        var entry = Pack(term);
        long i = _count++;
        var items = _items;
        while (i > 0)
        {
            long parent = (i - 1) >> 1;
            if (!entry.Precedes(items[parent])) break;
            items[i] = items[parent];
            i = parent;
        }
        items[i] = entry;
    }

    /// <summary>Appends without restoring the heap order; call <see cref="Heapify"/> afterwards.</summary>
    public void AddUnordered(in Term term)
    {
        EnsureRoomForOne();
        _items[_count++] = Pack(term);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Heapify()
    {
        for (long i = (_count >> 1) - 1; i >= 0; i--) SiftDown(i, _items[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Entry PopTop()
    {
        var top = _items[0];
        var last = _items[--_count];
        if (_count > 0) SiftDown(0, last);
        return top;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SiftDown(long i, Entry moving)
    {
        var items = _items;
        long count = _count;
        while (true)
        {
            long child = 2 * i + 1;
            if (child >= count) break;
            if (child + 1 < count && items[child + 1].Precedes(items[child])) child++;
            if (!items[child].Precedes(moving)) break;
            items[i] = items[child];
            i = child;
        }
        items[i] = moving;
    }

    /// <summary>Removes and returns the first term with a non-zero total coefficient, or <see cref="Term.None"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Term PopPivot()
    {
        if (_shift == 0)
        {
            while (_count > 0)
            {
                var pivot = PopTop();
                if (_count == 0 || _items[0].Key != pivot.Key) return Unpack(pivot);
                PopTop();
            }
            return Term.None;
        }

        var current = Term.None;
        while (_count > 0)
        {
            var top = Unpack(_items[0]);
            if (current.Coefficient == 0) current = top;
            else if (top.Index != current.Index) return current;
            else current.Coefficient = (current.Coefficient + top.Coefficient) % _modulus;
            PopTop();
        }
        return current.Coefficient == 0 ? Term.None : current;
    }

    /// <summary>The pivot (first non-cancelled term), left in the heap.</summary>
    public Term Pivot()
    {
        var pivot = PopPivot();
        if (!pivot.IsNone) Push(pivot);
        return pivot;
    }
}
