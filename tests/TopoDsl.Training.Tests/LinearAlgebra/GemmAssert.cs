namespace TopoDsl.Training.Tests.LinearAlgebra;

internal static class GemmAssert
{
    /// <summary>Runs the case and checks every element of C: inside m x n against the reference, outside unchanged.</summary>
    public static float[] MatchesReference(GemmRunner runner, GemmCase g, ulong seed)
    {
        var (a, b, c) = g.Operands(seed);
        var before = (float[])c.Clone();
        var (expected, magnitudes) = ReferenceGemm.Multiply(g, a, b, c);
        runner.Run(g, a, b, c);
        for (int at = 0; at < c.Length; at++)
        {
            int i = at / g.Ldc, j = at % g.Ldc;
            if (j >= g.N)
            {
                if (BitConverter.SingleToInt32Bits(c[at]) != BitConverter.SingleToInt32Bits(before[at]))
                    Assert.Fail($"{runner} {g}: padding C[{i},{j}] changed from {before[at]} to {c[at]}");
                continue;
            }
            double tolerance = ReferenceGemm.Tolerance(g.K, magnitudes[at]);
            if (!(Math.Abs(c[at] - expected[at]) <= tolerance))
                Assert.Fail($"{runner} {g}: C[{i},{j}] = {c[at]}, expected {expected[at]} within {tolerance:G3}");
        }
        return c;
    }
}
