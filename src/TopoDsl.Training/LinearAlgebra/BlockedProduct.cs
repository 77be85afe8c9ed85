namespace TopoDsl.Training.LinearAlgebra;

/// <summary>
/// The BLIS loop nest on one block of C: columns in slices of <see cref="ColumnBlock"/> (packed B stays in L3),
/// depth in slices of at most <see cref="DepthBlock"/> (a kc x NR panel of B stays in L1), rows in slices of at most
/// <see cref="RowBlock"/> (the packed mc x kc block of A stays in L2), then tile by tile.
/// </summary>
internal static unsafe class BlockedProduct<TKernel> where TKernel : struct, IMicroKernel
{
    private const int DepthBlock = 256;
    private static readonly int RowBlock = RoundUp(144, TKernel.Rows);
    private static readonly int ColumnBlock = RoundUp(2048, TKernel.Columns);

    // Packing A costs about as much as one pass of the kernel over it, so it pays only when several column
    // panels of B reuse the packed block; narrower products read A where it is.
    private static readonly int InPlaceColumnsLimit = 2 * TKernel.Columns;

    public static void Run(GemmProblem p, int rowStart, int rows, int colStart, int columns)
    {
        int mr = TKernel.Rows, nr = TKernel.Columns;
        int kcMax = Balanced(p.K, DepthBlock, 1);
        int mcMax = Balanced(rows, RowBlock, mr);
        int ncMax = Math.Min(RoundUp(columns, nr), ColumnBlock);
        PackingBuffers.ForCurrentThread().Reserve(mcMax * kcMax, kcMax * ncMax, mr * nr, out var packedA, out var packedB, out var tile);

        for (int jc = 0; jc < columns; jc += ncMax)
        {
            int nc = Math.Min(ncMax, columns - jc);
            for (int pc = 0; pc < p.K; pc += kcMax)
            {
                int kc = Math.Min(kcMax, p.K - pc);
                float beta = pc == 0 ? p.Beta : 1f; // later depth slices add to what the first one wrote
                Packing.PackB(p.B, pc, kc, colStart + jc, nc, nr, packedB);
                for (int ic = 0; ic < rows; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, rows - ic);
                    var aPanels = nc > InPlaceColumnsLimit
                        ? APanels.Packed(p.A, rowStart + ic, mc, pc, kc, mr, packedA)
                        : APanels.InPlace(p.A, rowStart + ic, mc, pc, kc, mr, packedA);
                    float* cBlock = p.C + (nint)(rowStart + ic) * p.Ldc + colStart + jc;
                    Tiles(aPanels, packedB, tile, cBlock, p.Ldc, mc, nc, kc, p.Alpha, beta);
                }
            }
        }
    }

    private static void Tiles(APanels aPanels, float* packedB, float* tile, float* c, int ldc, int mc, int nc, int kc,
        float alpha, float beta)
    {
        int mr = TKernel.Rows, nr = TKernel.Columns;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int width = Math.Min(nr, nc - jr);
            float* bPanel = packedB + (nint)jr * kc;
            for (int ir = 0; ir < mc; ir += mr)
            {
                int height = Math.Min(mr, mc - ir);
                float* aPanel = aPanels.Panel(ir, out nint aRowStride, out nint aStep);
                float* cTile = c + (nint)ir * ldc + jr;
                if (height == mr && width == nr)
                {
                    TKernel.Run(kc, aPanel, aRowStride, aStep, bPanel, cTile, ldc, alpha, beta);
                }
                else
                {
                    TKernel.Run(kc, aPanel, aRowStride, aStep, bPanel, tile, nr, 1f, 0f);
                    EdgeTile.Merge(tile, nr, cTile, ldc, height, width, alpha, beta);
                }
            }
        }
    }

    /// <summary>Equal slices of at most about <paramref name="limit"/>, rounded up to <paramref name="multiple"/>: 784 = 4 x 196, not 3 x 256 + 16.</summary>
    private static int Balanced(int length, int limit, int multiple)
    {
        int slices = (length + limit - 1) / limit;
        return RoundUp((length + slices - 1) / slices, multiple);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
