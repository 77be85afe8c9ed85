namespace TopoDsl.Training.Tests.Oracles.Reference;

/// <summary>Relative comparisons of oracle output against double-precision references.</summary>
internal static class Close
{
    /// <summary>
    /// torch's float32 sums carry rounding relative to their largest terms, so an element far below the largest gradient
    /// of its parameter is compared relative to this fraction of that largest gradient.
    /// </summary>
    public const double Float32Floor = 1e-2;

    public static void Value(double expected, double actual, double relative, string what)
    {
        var error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(error <= relative, $"{what}: expected {expected:R}, got {actual:R} (relative error {error:E2} > {relative:E0})");
    }

    public static void Arrays(double[][] expected, float[][] actual, double relative, string what) =>
        Arrays(expected, actual.Select(a => a.Select(x => (double)x).ToArray()).ToArray(), relative, what, Float32Floor);

    /// <summary>Element-wise relative error at most <paramref name="relative"/>, measured against max(|element|, floor * largest |element|).</summary>
    public static void Arrays(double[][] expected, double[][] actual, double relative, string what, double floor)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var p = 0; p < expected.Length; p++)
        {
            Assert.Equal(expected[p].Length, actual[p].Length);
            var scale = Math.Max(floor * expected[p].Max(Math.Abs), double.Epsilon);
            for (var i = 0; i < expected[p].Length; i++)
            {
                var error = Math.Abs(actual[p][i] - expected[p][i]) / Math.Max(Math.Abs(expected[p][i]), scale);
                Assert.True(error <= relative,
                    $"{what}, parameter {p}[{i}]: expected {expected[p][i]:R}, got {actual[p][i]:R} (relative error {error:E2} > {relative:E0})");
            }
        }
    }
}
