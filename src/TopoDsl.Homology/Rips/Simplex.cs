using System.Runtime.InteropServices;

namespace TopoDsl.Homology.Rips;

/// <summary>A simplex by its combinatorial index and filtration value (diameter); 12 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly struct Simplex(float diameter, long index)
{
    public readonly float Diameter = diameter;
    public readonly long Index = index;
}

/// <summary>
/// A simplex with a coefficient in Z/p, as it sits in a working column. Filtration order: smaller diameter
/// first, and among equal diameters the larger index first (so that apparent pairs are well defined).
/// </summary>
internal struct Term(float diameter, long index, int coefficient)
{
    public long Index = index;
    public float Diameter = diameter;
    public int Coefficient = coefficient;

    public static readonly Term None = new(float.NaN, -1, 0);

    public readonly bool IsNone => Index < 0;

    /// <summary>True when this term comes before <paramref name="other"/> in the filtration.</summary>
    public readonly bool Precedes(in Term other) =>
        Diameter < other.Diameter || (Diameter == other.Diameter && Index > other.Index);
}

/// <summary>Sorts columns into reduction order: diameter descending, index ascending.</summary>
internal readonly struct ReductionOrder : IComparer<Simplex>
{
    public int Compare(Simplex a, Simplex b)
    {
        if (a.Diameter != b.Diameter) return a.Diameter > b.Diameter ? -1 : 1;
        return a.Index.CompareTo(b.Index);
    }
}

/// <summary>Sorts simplices into filtration order: diameter ascending, index descending.</summary>
internal readonly struct FiltrationOrder : IComparer<Simplex>
{
    public int Compare(Simplex a, Simplex b)
    {
        if (a.Diameter != b.Diameter) return a.Diameter < b.Diameter ? -1 : 1;
        return b.Index.CompareTo(a.Index);
    }
}
