using System.Globalization;
using TopoDsl.Homology.Diagrams;

namespace TopoDsl.Homology.Tests.Diagrams;

/// <summary>
/// Seeded random diagrams (10 to 300 points, some with essential bars, some with many ties) against GUDHI:
/// its exact bottleneck distance (e = 0), hera's exact bottleneck (delta = 0), hera's Wasserstein with relative
/// error delta = 1e-10, and gudhi.wasserstein, which is exact (POT's network simplex).
/// </summary>
public class GudhiDiagramDistanceOracleTests
{
    private const double Inf = double.PositiveInfinity;

    private static readonly (PersistenceInterval[] A, PersistenceInterval[] B)[] Cases = BuildCases();

    private static (PersistenceInterval[] A, PersistenceInterval[] B)[] BuildCases()
    {
        var random = new Random(20240611);
        return
        [
            (RandomDiagrams.Uniform(random, 10), RandomDiagrams.Uniform(random, 10)),
            (RandomDiagrams.Uniform(random, 40), RandomDiagrams.Uniform(random, 25)),
            (RandomDiagrams.Uniform(random, 120, essential: 2), RandomDiagrams.Uniform(random, 90, essential: 2)),
            (RandomDiagrams.Uniform(random, 300), RandomDiagrams.Uniform(random, 300)),
            (RandomDiagrams.Uniform(random, 0), RandomDiagrams.Uniform(random, 17)),
            (RandomDiagrams.Uniform(random, 200), RandomDiagrams.Uniform(random, 30)),
            (RandomDiagrams.Grid(random, 150), RandomDiagrams.Grid(random, 150)),
            (RandomDiagrams.Grid(random, 60, essential: 3), RandomDiagrams.Grid(random, 80, essential: 3)),
        ];
    }

    private const string HeraScript = """
        import sys, numpy as np, gudhi, gudhi.hera
        def parse(text):
            return np.array([[float(v) for v in bar.split(',')] for bar in text.split(';') if bar], dtype=float).reshape(-1, 2)
        args = sys.argv[1:]
        for k in range(0, len(args), 2):
            a, b = parse(args[k]), parse(args[k + 1])
            values = [gudhi.bottleneck_distance(a, b, 0), gudhi.hera.bottleneck_distance(a, b, 0)]
            values += [gudhi.hera.wasserstein_distance(a, b, order=p, internal_p=q, delta=1e-10)
                       for p, q in ((1, np.inf), (2, np.inf), (2, 2.0))]
            print(' '.join(repr(float(v)) for v in values))
        """;

    private const string PotScript = """
        import sys, warnings, numpy as np
        from gudhi.wasserstein import wasserstein_distance
        warnings.simplefilter('ignore')
        def parse(text):
            return np.array([[float(v) for v in bar.split(',')] for bar in text.split(';') if bar], dtype=float).reshape(-1, 2)
        args = sys.argv[1:]
        for k in range(0, len(args), 2):
            a, b = parse(args[k]), parse(args[k + 1])
            values = [wasserstein_distance(a, b, order=p, internal_p=q) for p, q in ((1, np.inf), (2, np.inf), (2, 2.0), (1, 1.0))]
            print(' '.join(repr(float(v)) for v in values))
        """;

    [GudhiFact]
    public void Bottleneck_equals_GUDHIs_and_heras_exact_bottleneck()
    {
        var oracle = RunOracle(HeraScript);
        for (var k = 0; k < Cases.Length; k++)
        {
            var (a, b) = Cases[k];
            var ours = BottleneckDistance.Compute(a, b);
            AssertRelative(oracle[k][0], ours, 1e-12, $"case {k}: gudhi.bottleneck_distance(e=0)");
            AssertRelative(oracle[k][1], ours, 1e-12, $"case {k}: gudhi.hera.bottleneck_distance(delta=0)");
        }
    }

    [GudhiFact]
    public void Wasserstein_agrees_with_hera_within_its_relative_error()
    {
        // hera guarantees a value within a factor 1 + delta = 1 + 1e-10 of the true distance.
        var oracle = RunOracle(HeraScript);
        for (var k = 0; k < Cases.Length; k++)
        {
            var (a, b) = Cases[k];
            AssertRelative(oracle[k][2], WassersteinDistance.Compute(a, b, p: 1), 1e-9, $"case {k}: hera W1");
            AssertRelative(oracle[k][3], WassersteinDistance.Compute(a, b, p: 2), 1e-9, $"case {k}: hera W2");
            AssertRelative(oracle[k][4], WassersteinDistance.Compute(a, b, p: 2, internalP: 2), 1e-9, $"case {k}: hera W2 L2");
        }
    }

    [GudhiPotFact]
    public void Wasserstein_equals_GUDHIs_exact_optimal_transport()
    {
        var oracle = RunOracle(PotScript);
        for (var k = 0; k < Cases.Length; k++)
        {
            var (a, b) = Cases[k];
            AssertRelative(oracle[k][0], WassersteinDistance.Compute(a, b, p: 1), 1e-9, $"case {k}: POT W1");
            AssertRelative(oracle[k][1], WassersteinDistance.Compute(a, b, p: 2), 1e-9, $"case {k}: POT W2");
            AssertRelative(oracle[k][2], WassersteinDistance.Compute(a, b, p: 2, internalP: 2), 1e-9, $"case {k}: POT W2 L2");
            AssertRelative(oracle[k][3], WassersteinDistance.Compute(a, b, p: 1, internalP: 1), 1e-9, $"case {k}: POT W1 L1");
        }
    }

    private static double[][] RunOracle(string script)
    {
        var args = Cases.SelectMany(c => new[] { Format(c.A), Format(c.B) }).ToArray();
        var lines = OracleTools.RunPython(script, args).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Cases.Length, lines.Length);
        return lines.Select(line => line.Split(' ').Select(Parse).ToArray()).ToArray();
    }

    private static string Format(PersistenceInterval[] bars) =>
        string.Join(";", bars.Select(bar => Format(bar.Birth) + "," + Format(bar.Death)));

    private static string Format(double x) =>
        double.IsPositiveInfinity(x) ? "inf" : x.ToString("R", CultureInfo.InvariantCulture);

    private static double Parse(string text) =>
        text == "inf" ? Inf : double.Parse(text, CultureInfo.InvariantCulture);

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        if (double.IsPositiveInfinity(expected))
        {
            Assert.True(double.IsPositiveInfinity(actual), $"{what}: expected +inf, got {actual:R}");
            return;
        }
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / expected:E2})");
    }
}
