namespace TopoDsl.Homology.Rips;

/// <summary>
/// The reduction matrix V, column by column: for each reduced column, the other columns' simplices that were
/// added to it. Only V is kept; the reduced coboundaries R are regenerated from it when needed, which costs far
/// less memory than storing R.
/// </summary>
internal sealed class ReductionRecord
{
    private Term[] _entries = new Term[1024];
    private long _entryCount;
    private readonly long[] _columnStart;
    private int _columnCount;

    public ReductionRecord(int columns)
    {
        _columnStart = new long[columns + 1];
    }

    public long EntryCount => _entryCount;

    public void Append(in Term term)
    {
        if (_entryCount == _entries.LongLength)
            Array.Resize(ref _entries, checked((int)Math.Min(Array.MaxLength, _entries.LongLength * 2)));
        _entries[_entryCount++] = term;
    }

    /// <summary>Closes the column being appended to; columns are closed in order 0, 1, 2, ...</summary>
    public void EndColumn() => _columnStart[++_columnCount] = _entryCount;

    public ReadOnlySpan<Term> Column(int column)
    {
        long start = _columnStart[column];
        return new ReadOnlySpan<Term>(_entries, (int)start, (int)(_columnStart[column + 1] - start));
    }
}
