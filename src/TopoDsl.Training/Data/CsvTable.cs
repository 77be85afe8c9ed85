using TopoDsl.Text;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Data;

/// <summary>Accumulates the rows of one CSV file into input and target columns.</summary>
internal sealed class CsvTable(string file, CsvOptions options)
{
    private readonly List<float> _inputs = [];
    private readonly List<float> _targets = [];
    private bool _commaSeparated;
    private int _columns = -1;
    private int _firstLine;
    // For each column, its position among the targets (in the order requested), or -1 for an input column.
    private int[] _targetSlot = [];
    private float[] _rowTargets = [];
    private int _rows;

    public void Add(string line, int lineNumber)
    {
        string content = CsvLine.Content(line);
        if (content.Length == 0) return;
        bool first = _columns < 0;
        if (first) _commaSeparated = content.Contains(',');
        var fields = CsvLine.Fields(content, _commaSeparated);
        if (first)
        {
            Start(fields.Length, lineNumber);
            if (IsHeader(fields)) return;
        }
        else if (fields.Length != _columns)
        {
            throw new DataFormatException(file, lineNumber,
                $"ragged row: {fields.Length} fields where line {_firstLine} has {_columns}");
        }
        AddRow(fields, lineNumber);
    }

    public Dataset ToDataset()
    {
        if (_rows == 0) throw new DataFormatException(file, _columns < 0 ? "empty input: no data rows" : "no data rows after the header");
        var inputs = new Tensor(_inputs.ToArray(), _rows, _columns - _rowTargets.Length);
        if (!options.ClassLabels) return new Dataset(inputs, new Tensor(_targets.ToArray(), _rows, _rowTargets.Length));
        var labels = _targets.Select(t => (int)t).ToArray();
        return new Dataset(inputs, labels, options.ClassCount);
    }

    private void Start(int columns, int lineNumber)
    {
        _columns = columns;
        _firstLine = lineNumber;
        _targetSlot = Enumerable.Repeat(-1, columns).ToArray();
        _rowTargets = new float[options.TargetColumns.Length];
        if (options.ClassLabels && options.TargetColumns.Length != 1)
            throw new ArgumentException($"class labels need exactly one target column, not {options.TargetColumns.Length}", nameof(options));
        for (int slot = 0; slot < options.TargetColumns.Length; slot++)
        {
            int requested = options.TargetColumns[slot];
            int column = requested < 0 ? columns + requested : requested;
            if (column < 0 || column >= columns)
                throw new DataFormatException(file, lineNumber, $"target column {requested} does not exist: rows have {columns} fields");
            if (_targetSlot[column] >= 0)
                throw new ArgumentException($"target column {requested} is chosen twice", nameof(options));
            _targetSlot[column] = slot;
        }
        if (options.TargetColumns.Length == columns)
            throw new DataFormatException(file, lineNumber, $"all {columns} columns are targets: no input column is left");
    }

    private bool IsHeader(string[] fields) => options.Header switch
    {
        CsvHeader.Present => true,
        CsvHeader.Absent => false,
        _ => !fields.Any(CsvNumber.IsNumber),
    };

    private void AddRow(string[] fields, int lineNumber)
    {
        for (int c = 0; c < fields.Length; c++)
        {
            float value = CsvNumber.Parse(fields[c], c, out string? problem);
            if (problem is not null) throw new DataFormatException(file, lineNumber, problem);
            int slot = _targetSlot[c];
            if (slot < 0) _inputs.Add(value);
            else _rowTargets[slot] = options.ClassLabels ? CheckLabel(value, fields[c], c, lineNumber) : value;
        }
        _targets.AddRange(_rowTargets);
        _rows++;
    }

    private float CheckLabel(float value, string field, int column, int lineNumber)
    {
        if (value < 0 || value != MathF.Floor(value) || value > 1 << 24)
            throw new DataFormatException(file, lineNumber, $"label '{PrintableText.Quote(field)}' in column {column + 1} is not a non-negative integer");
        if (value >= options.ClassCount)
            throw new DataFormatException(file, lineNumber, $"label {PrintableText.Quote(field)} in column {column + 1} is not one of the {options.ClassCount} classes");
        return value;
    }
}
