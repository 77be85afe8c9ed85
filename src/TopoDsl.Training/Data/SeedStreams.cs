namespace TopoDsl.Training.Data;

/// <summary>Independent seeds derived from one user seed (one per epoch, per split, ...).</summary>
public static class SeedStreams
{
    // Rng(s) seeds its state from s + k·golden for k = 1..4, so Rng(s) and Rng(s + golden) would share three of
    // four state words. Hashing (seed, stream) through two splitmix finalizers keeps derived generators unrelated.
    public static ulong Derive(ulong seed, ulong stream) => Finalize(seed ^ Finalize(stream + 0x632BE59BD9B4E019UL));

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
