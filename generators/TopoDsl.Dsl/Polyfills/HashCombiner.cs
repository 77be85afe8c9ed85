namespace TopoDsl.Dsl;

// netstandard2.0 has no System.HashCode.
internal static class HashCombiner
{
    public const int Seed = 17;

    public static int Combine(int hash, int value) => unchecked(hash * -1521134295 + value);
}
