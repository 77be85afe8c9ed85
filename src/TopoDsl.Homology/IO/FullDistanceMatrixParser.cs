using System.Globalization;
using System.Runtime.CompilerServices;
using TopoDsl.Homology.Metric;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Parses a full square distance matrix, one row per line, and checks what ripser silently ignores:
/// every row has n entries, there are n rows, the diagonal is zero and the matrix is symmetric.
/// </summary>
internal sealed class FullDistanceMatrixParser
{
    private readonly TextInput _input;
    private readonly List<int> _rowLines = [];
    private float[] _values = [];
    private int _size;

    private FullDistanceMatrixParser(TextInput input) => _input = input;

    public static DistanceMatrix Parse(TextReader reader, string source)
    {
        var parser = new FullDistanceMatrixParser(new TextInput(reader, source));
        parser.ReadRows();
        return new DistanceMatrix(parser._values, DistanceMatrixLayout.Full);
    }

    private void ReadRows()
    {
        while (_input.TryReadDataLine(out var line))
        {
            if (_rowLines.Count == 0) ReadFirstRow(line);
            else ReadRow(line);
        }
        if (_rowLines.Count == 0) throw _input.NoData();
        if (_rowLines.Count < _size)
            throw _input.ErrorAt(_rowLines[^1],
                $"the matrix is not square: the first row has {_size} entries but there are only {_rowLines.Count} rows");
    }

    private void ReadFirstRow(ReadOnlySpan<char> line)
    {
        var first = new List<float>();
        var tokens = new Tokens(line);
        while (tokens.TryNext(out var token)) first.Add(ParseDistance(token, 0, first.Count));
        if (first.Count == 0) throw _input.Error("the line has separators but no entries");
        _size = first.Count;
        _values = new float[(long)_size * _size <= Array.MaxLength
            ? _size * _size
            : throw _input.Error($"a {_size}x{_size} matrix is too large")];
        first.CopyTo(_values);
        _rowLines.Add(_input.Line);
        CheckRow(0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadRow(ReadOnlySpan<char> line)
    {
        int row = _rowLines.Count;
        if (row == _size)
            throw _input.Error(
                $"the matrix is not square: the first row has {_size} entries, so there must be {_size} rows, but this is row {row + 1}");
        var rowValues = _values.AsSpan(row * _size, _size);
        int count = 0;
        var tokens = new Tokens(line);
        while (tokens.TryNext(out var token))
        {
            float value = ParseDistance(token, row, count);
            if (count < _size) rowValues[count] = value;
            count++;
        }
        if (count != _size)
            throw _input.Error($"row {row + 1} has {count} entries but the first row (line {_rowLines[0]}) has {_size}");
        _rowLines.Add(_input.Line);
        CheckRow(row);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float ParseDistance(ReadOnlySpan<char> token, int row, int column)
    {
        float value = _input.ParseValue(token);
        return value >= 0 ? value : throw _input.NegativeDistance(token, $"d({row},{column})");
    }

    private void CheckRow(int row)
    {
        float diagonal = _values[row * _size + row];
        if (diagonal != 0)
            throw _input.Error(string.Create(CultureInfo.InvariantCulture,
                $"diagonal entry d({row},{row}) is {diagonal}; a distance matrix has a zero diagonal"));
        for (int column = 0; column < row; column++)
        {
            float here = _values[row * _size + column], mirror = _values[column * _size + row];
            if (here != mirror)
                throw _input.Error(string.Create(CultureInfo.InvariantCulture,
                    $"the matrix is not symmetric: d({row},{column}) = {here} but d({column},{row}) = {mirror} (line {_rowLines[column]})"));
        }
    }
}
