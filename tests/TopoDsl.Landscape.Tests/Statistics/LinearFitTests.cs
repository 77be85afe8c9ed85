using FsCheck.Xunit;
using TopoDsl.Landscape.Statistics;

namespace TopoDsl.Landscape.Tests.Statistics;

public class LinearFitTests
{
    [Fact]
    public void Residuals_orthogonal_to_the_line_give_its_exact_coefficients_R_squared_and_interval()
    {
        // y = 3x + 1 + e with e orthogonal to 1 and to x: the fit is exactly (3, 1); SSE = Σe² = 10, SSR = 9 Σx² = 90,
        // so R² = 0.9; the slope's standard error is √(10 / 3 / 10) and t(0.975, 3) = 3.182446305284263.
        double[] x = [-2, -1, 0, 1, 2], e = [1, -2, 0, 2, -1];
        var y = x.Zip(e, (a, r) => 3 * a + 1 + r).ToArray();

        var fit = LinearFit.Of(x, y);

        Assert.Equal(3, fit.Slope, 1e-12);
        Assert.Equal(1, fit.Intercept, 1e-12);
        Assert.Equal(0.9, fit.RSquared, 1e-12);
        double half = 3.182446305284263 * Math.Sqrt(1.0 / 3);
        Assert.Equal(3 - half, fit.SlopeLow, 1e-9);
        Assert.Equal(3 + half, fit.SlopeHigh, 1e-9);
    }

    [Property(MaxTest = 200)]
    public void R_squared_is_the_squared_correlation_and_the_interval_holds_the_slope(double[] xs, double[] noise)
    {
        var x = (xs ?? []).Where(double.IsFinite).Select(v => v % 1000).Take(40).ToArray();
        double mean = x.Length == 0 ? 0 : x.Average();
        if (x.Length < 3 || x.Sum(v => (v - mean) * (v - mean)) < 1e-6) return; // the x values must spread, beyond rounding
        var y = x.Select((v, i) => -0.5 * v + 2 + (noise is { Length: > 0 } && double.IsFinite(noise[i % noise.Length]) ? noise[i % noise.Length] % 10 : i % 3)).ToArray();
        if (y.Distinct().Count() < 2) return;

        var fit = LinearFit.Of(x, y);

        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum(), sxx = x.Sum(a => (a - mx) * (a - mx)), syy = y.Sum(b => (b - my) * (b - my));
        Assert.Equal(sxy * sxy / (sxx * syy), fit.RSquared, 1e-6);
        Assert.InRange(fit.Slope, fit.SlopeLow, fit.SlopeHigh);
    }

    [Fact]
    public void Too_few_pairs_or_a_single_x_are_refused_with_what_is_wrong()
    {
        Assert.Contains("2 pairs", Assert.Throws<ArgumentException>(() => LinearFit.Of([1, 2], [1, 2])).Message);
        Assert.Contains("the x values have no spread", Assert.Throws<ArgumentException>(() => LinearFit.Of([4, 4, 4], [1, 2, 3])).Message);
        Assert.Contains("3 x values but 2 y values", Assert.Throws<ArgumentException>(() => LinearFit.Of([1, 2, 3], [1, 2])).Message);
    }
}
