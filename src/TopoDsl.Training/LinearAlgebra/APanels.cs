namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// Where the micro-kernel reads the row panels of one mc x kc block of op(A): element (i, p) of a panel is at
/// Start + i * RowStride + p * Step. Packed panels are contiguous (RowStride 1, Step = tile rows); when op(B) has
/// too few column panels to amortise a copy, full panels are read in place and only the last, partial panel is
/// packed (zero-padded, so that the kernel never reads past A).
/// </summary>
internal readonly unsafe struct APanels
{
    private readonly float* _packed;
    private readonly float* _inPlace;
    private readonly nint _inPlaceRowStride;
    private readonly nint _inPlaceStep;
    private readonly int _inPlaceRows;
    private readonly int _kc;
    private readonly int _tileRows;

    private APanels(float* packed, float* inPlace, nint rowStride, nint step, int inPlaceRows, int kc, int tileRows)
    {
        _packed = packed;
        _inPlace = inPlace;
        _inPlaceRowStride = rowStride;
        _inPlaceStep = step;
        _inPlaceRows = inPlaceRows;
        _kc = kc;
        _tileRows = tileRows;
    }

    /// <summary>Packs the whole block: panel r starts at r * kc.</summary>
    public static APanels Packed(StridedMatrix a, int row0, int rows, int col0, int kc, int tileRows, float* buffer)
    {
        Packing.PackA(a, row0, rows, col0, kc, tileRows, buffer);
        return new APanels(buffer, null, 0, 0, 0, kc, tileRows);
    }

    /// <summary>Reads full panels from A itself and packs only the trailing partial panel into <paramref name="buffer"/>.</summary>
    public static APanels InPlace(StridedMatrix a, int row0, int rows, int col0, int kc, int tileRows, float* buffer)
    {
        int fullRows = rows / tileRows * tileRows;
        if (fullRows < rows) Packing.PackA(a, row0 + fullRows, rows - fullRows, col0, kc, tileRows, buffer);
        var (rowStride, step) = a.Transposed ? ((nint)1, (nint)a.Stride) : (a.Stride, (nint)1);
        return new APanels(buffer, a.At(row0, col0), rowStride, step, fullRows, kc, tileRows);
    }

    /// <summary>The panel that starts at row <paramref name="ir"/> of the block.</summary>
    public float* Panel(int ir, out nint rowStride, out nint step)
    {
        if (ir < _inPlaceRows)
        {
            rowStride = _inPlaceRowStride;
            step = _inPlaceStep;
            return _inPlace + ir * _inPlaceRowStride;
        }
        rowStride = 1;
        step = _tileRows;
        return _packed + (nint)(ir - _inPlaceRows) * _kc;
    }
}
