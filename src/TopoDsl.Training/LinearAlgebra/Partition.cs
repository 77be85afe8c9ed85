namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// Splits C into one block per thread along its longer side, in whole tiles. Each thread packs its own copy of
/// the operand it shares with the others; splitting the longer side makes that shared operand the smaller one.
/// </summary>
internal readonly struct Partition
{
    private readonly bool _byRows;
    private readonly int _step;
    private readonly int _length;
    private readonly int _other;

    private Partition(bool byRows, int step, int length, int other) =>
        (_byRows, _step, _length, _other) = (byRows, step, length, other);

    public static int Count(GemmProblem problem, int threads, int tileRows, int tileColumns, long parallelThreshold)
    {
        if (threads <= 1 || (long)problem.M * problem.N * problem.K < parallelThreshold) return 1;
        bool byRows = problem.M >= problem.N;
        int tiles = byRows ? Tiles(problem.M, tileRows) : Tiles(problem.N, tileColumns);
        return Math.Max(1, Math.Min(threads, tiles));
    }

    public static Partition Split(GemmProblem problem, int parts, int tileRows, int tileColumns)
    {
        bool byRows = problem.M >= problem.N;
        int tile = byRows ? tileRows : tileColumns;
        int length = byRows ? problem.M : problem.N;
        int step = Tiles(Tiles(length, tile), parts) * tile;
        return new Partition(byRows, step, length, byRows ? problem.N : problem.M);
    }

    /// <summary>Rows and columns of C owned by <paramref name="part"/>; empty when the tiles ran out.</summary>
    public (int RowStart, int Rows, int ColStart, int Columns) Block(int part)
    {
        int start = Math.Min(part * _step, _length);
        int size = Math.Min(_step, _length - start);
        return _byRows ? (start, size, 0, _other) : (0, _other, start, size);
    }

    private static int Tiles(int length, int tile) => (length + tile - 1) / tile;
}
