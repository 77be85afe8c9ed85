namespace TopoDsl.Generators.Tests.Harness;

/// <summary>Comparisons of float arrays: bit for bit, or within a relative tolerance of the largest expected value.</summary>
public static class Same
{
    public static void Bits(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, expected {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}[{i}]: {actual[i]:R} (0x{BitConverter.SingleToInt32Bits(actual[i]):X8}), expected {expected[i]:R} (0x{BitConverter.SingleToInt32Bits(expected[i]):X8})");
    }

    /// <summary>max |a - e| / max(max |e|, tiny) &lt;= <paramref name="tolerance"/>; returns that relative error.</summary>
    public static double Relative(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, expected {expected.Length}");
        double scale = 1e-30, worst = 0;
        int at = 0;
        for (int i = 0; i < expected.Length; i++) scale = Math.Max(scale, Math.Abs(expected[i]));
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]);
            if (double.IsNaN(actual[i]) != double.IsNaN(expected[i])) error = double.PositiveInfinity;
            if (error > worst || (i == 0 && error >= worst)) (worst, at) = (error, i);
        }
        double relative = worst / scale;
        Assert.True(relative <= tolerance,
            $"{what}: max |a - b| / max |b| = {relative:E3} > {tolerance:E1} (at [{at}]: {actual[at]:R} vs {expected[at]:R})");
        return relative;
    }
}
