namespace TopoDsl.Homology.Rips;

/// <summary>
/// The reduction matrix V, column by column: for each reduced column, the other columns' simplices that were
/// added to it. Only V is kept; the reduced coboundaries R are regenerated from it when needed, which costs far
/// less memory than storing R.
/// </summary>
internal sealed unsafe class ReductionRecord : IDisposable
{
    private readonly NativeBuffer<Term> _entries = new(1024);
    private int _entryCount;
    private readonly int[] _columnStart; // 2^31 entries of 16 bytes exceed any memory this runs in
    private int _columnCount;

    public ReductionRecord(int columns)
    {
        _columnStart = new int[columns + 1];
    }

    public int EntryCount => _entryCount;

    public void Append(in Term term)
    {
        if (_entryCount == int.MaxValue)
            throw new InsufficientMemoryException($"the reduction record outgrew {int.MaxValue} entries");
        _entries.EnsureCapacity(_entryCount + 1L);
        _entries.Items[_entryCount++] = term;
    }

    /// <summary>Closes the column being appended to; columns are closed in order 0, 1, 2, ...</summary>
    public void EndColumn() => _columnStart[++_columnCount] = _entryCount;

    public ReadOnlySpan<Term> Column(int column)
    {
        int start = _columnStart[column];
        return new ReadOnlySpan<Term>(_entries.Items + start, _columnStart[column + 1] - start);
    }

    public void Dispose() => _entries.Dispose();
}
