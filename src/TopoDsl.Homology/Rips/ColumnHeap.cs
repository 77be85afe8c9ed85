using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// A binary min-heap of terms in filtration order: the working coboundary of the column being reduced.
/// Equal simplices are not merged on insertion; the pivot extraction cancels them lazily (Z/2) or sums
/// their coefficients (Z/p), which is cheaper than a search on every push.
/// </summary>
internal sealed unsafe class ColumnHeap : IDisposable
{
    private readonly NativeBuffer<Term> _buffer = new(64);
    private Term* _items;
    private long _count;

    public ColumnHeap() => _items = _buffer.Items;

    public long Count => _count;

    public void Clear() => _count = 0;

    public void Dispose() => _buffer.Dispose();

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
        long i = _count++;
        var items = _items;
        while (i > 0)
        {
            long parent = (i - 1) >> 1;
            if (!term.Precedes(items[parent])) break;
            items[i] = items[parent];
            i = parent;
        }
        items[i] = term;
    }

    /// <summary>Appends without restoring the heap order; call <see cref="Heapify"/> afterwards.</summary>
    public void AddUnordered(in Term term)
    {
        EnsureRoomForOne();
        _items[_count++] = term;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Heapify()
    {
        for (long i = (_count >> 1) - 1; i >= 0; i--) SiftDown(i, _items[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Term PopTop()
    {
        var top = _items[0];
        var last = _items[--_count];
        if (_count > 0) SiftDown(0, last);
        return top;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SiftDown(long i, Term moving)
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
    public Term PopPivot(int modulus)
    {
        if (modulus == 2)
        {
            while (_count > 0)
            {
                var pivot = PopTop();
                if (_count == 0 || _items[0].Index != pivot.Index) return pivot;
                PopTop();
            }
            return Term.None;
        }

        var current = Term.None;
        while (_count > 0)
        {
            if (current.Coefficient == 0) current = _items[0];
            else if (_items[0].Index != current.Index) return current;
            else current.Coefficient = (current.Coefficient + _items[0].Coefficient) % modulus;
            PopTop();
        }
        return current.Coefficient == 0 ? Term.None : current;
    }

    /// <summary>The pivot (first non-cancelled term), left in the heap.</summary>
    public Term Pivot(int modulus)
    {
        var pivot = PopPivot(modulus);
        if (!pivot.IsNone) Push(pivot);
        return pivot;
    }
}
