namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// Tiles that overhang C: the kernel writes a whole tile into a scratch buffer and only the part inside C is
/// merged, so that kernels need no bounds checks and never write outside C.
/// </summary>
internal static unsafe class EdgeTile
{
    public static void Merge(float* tile, int tileColumns, float* c, nint ldc, int rows, int columns, float alpha, float beta)
    {
        for (int i = 0; i < rows; i++, tile += tileColumns, c += ldc)
        {
            if (beta == 0)
                for (int j = 0; j < columns; j++) c[j] = alpha * tile[j];
            else
                for (int j = 0; j < columns; j++) c[j] = alpha * tile[j] + beta * c[j];
        }
    }
}
