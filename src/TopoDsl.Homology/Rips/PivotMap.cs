using System.Runtime.CompilerServices;
namespace TopoDsl.Homology.Rips;

/// <summary>
/// Open-addressing hash map from a pivot's simplex index to the column that owns it and the pivot's
/// coefficient. Sized up front to the number of columns, so it never rehashes during a reduction.
/// </summary>
internal sealed class PivotMap
{
    private readonly long[] _keys;
    private readonly int[] _columns;
    private readonly int[] _coefficients;
    private readonly int _mask;

    public PivotMap(int capacity)
    {
        int size = 16;
        while (size < capacity * 2L) size <<= 1;
        _keys = new long[size];
        Array.Fill(_keys, -1L);
        _columns = new int[size];
        _coefficients = new int[size];
        _mask = size - 1;
    }

    public int Count { get; private set; }

    private static int Hash(long key)
    {
        ulong h = (ulong)key * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(long key, out int column, out int coefficient)
    {
        int slot = Hash(key) & _mask;
        while (true)
        {
            long k = _keys[slot];
            if (k == key)
            {
                column = _columns[slot];
                coefficient = _coefficients[slot];
                return true;
            }
            if (k < 0)
            {
                column = -1;
                coefficient = 0;
                return false;
            }
            slot = (slot + 1) & _mask;
        }
    }

    public bool Contains(long key) => TryGet(key, out _, out _);

    public void Add(long key, int column, int coefficient)
    {
        int slot = Hash(key) & _mask;
        while (_keys[slot] >= 0)
        {
            if (_keys[slot] == key) throw new InvalidOperationException($"pivot {key} is already owned");
            slot = (slot + 1) & _mask;
        }
        _keys[slot] = key;
        _columns[slot] = column;
        _coefficients[slot] = coefficient;
        Count++;
    }

    public long MemoryBytes => _keys.LongLength * (8 + 4 + 4);
}
