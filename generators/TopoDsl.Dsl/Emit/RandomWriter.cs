namespace TopoDsl.Dsl.Emit;

/// <summary>
/// The noise source of a rule with randn()/rand(): SplitMix64 seeded by a public Seed (default 0), so runs are
/// reproducible; rand is the top 24 bits as a float in [0, 1); randn is Box-Muller in double (the cosine half).
/// </summary>
internal static class RandomWriter
{
    public static void Write(CodeWriter writer)
    {
        writer.Line("private ulong _topoDslRandom;");
        writer.Line("private long _topoDslSeed;");
        writer.Line();
        writer.Line("/// <summary>Seed of the rule's noise (randn, rand); setting it restarts the sequence.</summary>");
        writer.Open($"public long {GeneratedMembers.Seed}");
        writer.Line("get => _topoDslSeed;");
        writer.Line("set { _topoDslSeed = value; _topoDslRandom = unchecked((ulong)value); }");
        writer.Close();
        writer.Line();
        writer.Open("private ulong TopoDslNext()");
        writer.Open("unchecked");
        writer.Line("ulong z = _topoDslRandom += 0x9E3779B97F4A7C15UL;");
        writer.Line("z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;");
        writer.Line("z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;");
        writer.Line("return z ^ (z >> 31);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("private float TopoDslUniform() => (TopoDslNext() >> 40) * (1f / 16777216f);");
        writer.Line();
        writer.Open("private float TopoDslGaussian()");
        writer.Line("double u1 = ((TopoDslNext() >> 11) + 1) * (1.0 / 9007199254740992.0);");
        writer.Line("double u2 = (TopoDslNext() >> 11) * (1.0 / 9007199254740992.0);");
        writer.Line("return (float)(global::System.Math.Sqrt(-2.0 * global::System.Math.Log(u1)) * global::System.Math.Cos(2.0 * global::System.Math.PI * u2));");
        writer.Close();
    }
}
