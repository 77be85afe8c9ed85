namespace TopoDsl.Homology.Rips;

/// <summary>Arithmetic in Z/p for a prime p.</summary>
internal sealed class Field
{
    public const int MaxModulus = 46337; // largest prime whose products of residues fit in an int

    private readonly int[] _inverse;

    public Field(int modulus)
    {
        if (modulus < 2 || modulus > MaxModulus || !IsPrime(modulus))
            throw new ArgumentOutOfRangeException(nameof(modulus), modulus,
                $"coefficients need a prime modulus between 2 and {MaxModulus}");
        Modulus = modulus;
        _inverse = new int[modulus];
        _inverse[1] = 1;
        // inverse(a) = -(p / a) * inverse(p mod a)  (mod p)
        for (int a = 2; a < modulus; a++)
            _inverse[a] = (int)((modulus - (long)(modulus / a) * _inverse[modulus % a] % modulus) % modulus);
    }

    public int Modulus { get; }

    public int Inverse(int a) => _inverse[a];

    public int Multiply(int a, int b) => (int)((long)a * b % Modulus);

    public int Negate(int a) => a == 0 ? 0 : Modulus - a;

    /// <summary>(-1)^position as a residue.</summary>
    public int Sign(int position) => (position & 1) == 0 ? 1 : Modulus - 1;

    public static bool IsPrime(int n)
    {
        if (n < 2) return false;
        for (int d = 2; (long)d * d <= n; d++)
            if (n % d == 0) return false;
        return true;
    }
}
