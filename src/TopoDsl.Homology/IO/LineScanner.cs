using System.Runtime.CompilerServices;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Reads a text line by line into one reusable buffer: each line is a span that stays valid until the next call,
/// so scanning a large file allocates nothing per line. Accepts \n and \r\n line ends.
/// </summary>
internal sealed class LineScanner
{
    private readonly TextReader _reader;
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private int _scanned;
    private bool _endOfInput;

    public LineScanner(TextReader reader) => _reader = reader;

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf('\n');
            if (newline >= 0)
            {
                int stop = _scanned + newline;
                line = TrimCarriageReturn(_buffer.AsSpan(_start, stop - _start));
                _start = _scanned = stop + 1;
                LineNumber++;
                return true;
            }
            _scanned = _end;
            if (_endOfInput)
            {
                line = TrimCarriageReturn(_buffer.AsSpan(_start, _end - _start));
                bool hasLastLine = _start < _end;
                _start = _scanned = _end;
                if (hasLastLine) LineNumber++;
                return hasLastLine;
            }
            Refill();
        }
    }

    private void Refill()
    {
        int pending = _end - _start;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = _scanned = pending;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        int read = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _endOfInput = true;
        else _end += read;
    }

    private static ReadOnlySpan<char> TrimCarriageReturn(ReadOnlySpan<char> line) =>
        line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;
}
