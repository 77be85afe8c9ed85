using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.Rips;

/// <summary>
/// A binary min-heap of terms in filtration order: the working coboundary of the column being reduced.
/// Equal simplices are not merged on insertion; the pivot extraction cancels them lazily (Z/2) or sums
/// their coefficients (Z/p), which is cheaper than a search on every push.
/// </summary>
internal sealed class ColumnHeap
{
    private Term[] _items = new Term[64];
    private int _count;

    public int Count => _count;

    public void Clear() => _count = 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Push(in Term term)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        int i = _count++;
        var items = _items;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!term.Precedes(items[parent])) break;
            items[i] = items[parent];
            i = parent;
        }
        items[i] = term;
    }

    /// <summary>Appends without restoring the heap order; call <see cref="Heapify"/> afterwards.</summary>
    public void AddUnordered(in Term term)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[_count++] = term;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Heapify()
    {
        for (int i = (_count >> 1) - 1; i >= 0; i--) SiftDown(i, _items[i]);
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
    private void SiftDown(int i, Term moving)
    {
        var items = _items;
        int count = _count;
        while (true)
        {
            int child = 2 * i + 1;
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
