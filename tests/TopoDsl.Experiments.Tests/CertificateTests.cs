using FsCheck;
using FsCheck.Fluent;
using TopoDsl.Experiments.Certificate;
using TopoDsl.Training;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// The bi-Lipschitz certificate against an independent all-pairs computation in double, on clouds moved by maps whose
/// distortion is known: uniform scalings, linear maps with known singular values, tears and merges.
/// </summary>
public sealed class CertificateTests
{
    [Theory]
    [InlineData(0.01, 5.0)]
    [InlineData(0.1, 2.0)]
    [InlineData(0.002, 300.0)]
    public void A_uniform_scaling_by_one_plus_eta_K_holds_with_K_hat_equal_to_K(double eta, double k)
    {
        var cloud = RandomCloud(120, 3, seed: 1);
        var certificate = new BiLipschitzCertificate(cloud, 3, new CertificateOptions(), seed: 0);
        var moved = Map(cloud, 3, p => p.Select(v => v * (1 + eta * k)).ToArray());
        var step = certificate.Observe(moved, step: 1, eta, k);
        Assert.True(certificate.Held);
        Assert.Equal(k, certificate.EmpiricalConstant(eta), k * 1e-4);
        Assert.Equal(0, step.Contraction);
        Assert.Equal(120L * 119 / 2, step.Pairs);
    }

    [Fact]
    public void A_linear_map_with_singular_values_in_the_band_holds_and_K_hat_matches_an_independent_computation()
    {
        const double eta = 0.05, k = 4;
        var cloud = RandomCloud(150, 3, seed: 2);
        // x -> x + eta A x with A = diag(4, -4, 1): the ratios span exactly [1 - eta K, 1 + eta K].
        var moved = Map(cloud, 3, p => [p[0] * (1 + eta * 4), p[1] * (1 - eta * 4), p[2] * (1 + eta)]);
        var certificate = new BiLipschitzCertificate(cloud, 3, new CertificateOptions(), seed: 0);
        certificate.Observe(moved, 1, eta, k);
        Assert.True(certificate.Held);
        double independent = IndependentMaxDeviation(cloud, moved, 3) / eta;
        Assert.Equal(independent, certificate.EmpiricalConstant(eta), independent * 1e-4);
        Assert.True(certificate.EmpiricalConstant(eta) <= k * (1 + 1e-6));
    }

    [Fact]
    public void Tearing_the_cloud_fails_at_the_step_that_tears_it()
    {
        const double eta = 0.01, k = 10;
        var cloud = RandomCloud(100, 2, seed: 3);
        var certificate = new BiLipschitzCertificate(cloud, 2, new CertificateOptions(), seed: 0);
        var gently = Map(cloud, 2, p => [p[0] * 1.01, p[1]]);
        certificate.Observe(gently, 1, eta, k);
        Assert.True(certificate.Held);
        var torn = Map(gently, 2, p => p[0] > 0 ? [p[0] + 3, p[1]] : p);
        var step = certificate.Observe(torn, 2, eta, k);
        Assert.False(certificate.Held);
        Assert.Equal(2, certificate.FirstFailure);
        Assert.True(step.Expansion > eta * k);
    }

    [Fact]
    public void Two_neurons_brought_together_count_as_a_merge_and_fail_the_lower_bound()
    {
        const double eta = 0.01, k = 10;
        var cloud = RandomCloud(50, 2, seed: 4);
        var certificate = new BiLipschitzCertificate(cloud, 2, new CertificateOptions(), seed: 0);
        var merged = (float[])cloud.Clone();
        merged[2] = merged[0];
        merged[3] = merged[1];
        var step = certificate.Observe(merged, 1, eta, k);
        Assert.Equal(1, step.Merges);
        Assert.Equal(1, certificate.MergeEvents);
        Assert.False(certificate.Held);
    }

    [Fact]
    public void A_large_cloud_is_compared_on_neighbours_and_a_fixed_sample_between_checkpoints_and_on_all_pairs_at_them()
    {
        var cloud = RandomCloud(300, 2, seed: 5);
        var options = new CertificateOptions { AllPairsUpTo = 100, SampledPairs = 500, NearestNeighbours = 3 };
        var certificate = new BiLipschitzCertificate(cloud, 2, options, seed: 9);
        Assert.False(certificate.CoversAllPairs);
        Assert.Contains("3 nearest and 500 fixed random pairs", certificate.PairsDescription);
        long between = certificate.Observe(cloud, 1, 0.1, 1).Pairs;
        Assert.InRange(between, 500, 500 + 300 * 3);
        Assert.Equal(300L * 299 / 2, certificate.Observe(cloud, 2, 0.1, 1, allPairs: true).Pairs);
    }

    [Fact]
    public void Between_checkpoints_a_merge_of_two_nearest_neighbours_is_seen()
    {
        var cloud = RandomCloud(400, 2, seed: 13);
        var options = new CertificateOptions { AllPairsUpTo = 100, SampledPairs = 10, NearestNeighbours = 2 };
        var certificate = new BiLipschitzCertificate(cloud, 2, options, seed: 1);
        // The closest pair of the cloud is among each other's nearest neighbours: bring it together.
        var (a, b) = ClosestPairIndices(cloud, 2);
        var merged = (float[])cloud.Clone();
        merged[2 * b] = merged[2 * a];
        merged[2 * b + 1] = merged[2 * a + 1];
        var step = certificate.Observe(merged, 1, 0.01, 1);
        Assert.Equal(1, step.Merges);
        Assert.False(certificate.Held);
    }

    private static (int, int) ClosestPairIndices(float[] cloud, int dimension)
    {
        (int, int) best = (0, 1);
        double smallest = double.PositiveInfinity;
        for (int i = 0; i < cloud.Length / dimension; i++)
            for (int j = i + 1; j < cloud.Length / dimension; j++)
                if (Distance(cloud, i, j, dimension) < smallest) (smallest, best) = (Distance(cloud, i, j, dimension), (i, j));
        return best;
    }

    [Fact]
    public void Splitting_the_all_pairs_work_over_threads_gives_the_same_step()
    {
        var cloud = RandomCloud(700, 3, seed: 6);
        var moved = Map(cloud, 3, p => [p[0] + 0.01 * Math.Sin(p[1]), p[1] * 0.99, p[2] + 0.02 * p[0] * p[0]]);
        var all = new CertificateOptions { AllPairsUpTo = 1000 };
        var one = new BiLipschitzCertificate(cloud, 3, all, 0).Observe(moved, 1, 0.1, 1, threads: 1);
        var two = new BiLipschitzCertificate(cloud, 3, all, 0).Observe(moved, 1, 0.1, 1, threads: 2);
        Assert.Equal(one, two);
    }

    [Theory]
    [InlineData(1, float.NaN)]
    [InlineData(2, float.NaN)]
    [InlineData(1, float.PositiveInfinity)]
    [InlineData(2, float.PositiveInfinity)]
    public void A_neuron_gone_to_NaN_or_infinity_tears_the_cloud_on_one_thread_or_two(int threads, float value)
    {
        var cloud = RandomCloud(700, 3, seed: 7);
        var moved = (float[])cloud.Clone();
        moved[1] = value; // neuron 0, whose pairs are all in the first thread's share of the rows
        var certificate = new BiLipschitzCertificate(cloud, 3, new CertificateOptions { AllPairsUpTo = 1000 }, 0);
        var step = certificate.Observe(moved, 1, 0.1, 1, threads: threads);
        Assert.Equal(double.PositiveInfinity, step.Expansion);
        Assert.False(certificate.Held);
    }

    /// <summary>
    /// For random clouds moved by random smooth maps, the certificate's deviation is the independent one to within
    /// the float32 rounding allowance, and its verdict agrees with the independent check against the band beyond that allowance.
    /// </summary>
    [Fact]
    public void Certificate_agrees_with_an_independent_all_pairs_computation_on_random_smooth_maps()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var rng = new Rng((ulong)seed);
            int count = 20 + rng.NextInt(80), dimension = 1 + rng.NextInt(4);
            var cloud = RandomCloud(count, dimension, (ulong)seed);
            double eta = Math.Pow(10, rng.Uniform(-3, -0.5)), k = Math.Pow(10, rng.Uniform(-1, 2));
            var weights = Enumerable.Range(0, dimension * dimension).Select(_ => rng.Normal() * 2).ToArray();
            var moved = Map(cloud, dimension, p => p.Select((v, d) =>
                v + eta * Math.Tanh(Enumerable.Range(0, dimension).Sum(j => weights[d * dimension + j] * p[j]))).ToArray());
            var certificate = new BiLipschitzCertificate(cloud, dimension, new CertificateOptions(), 0);
            certificate.Observe(moved, 1, eta, k);
            double independent = IndependentMaxDeviation(cloud, moved, dimension);
            // The certificate subtracts the rounding allowance, so it reads at most the independent deviation, and
            // less by no more than the allowance (relative to the closest pair's distance).
            double closest = ClosestPair(cloud, dimension);
            double allowance = (Math.Sqrt(dimension) * 4.8e-7 * 8 + 1e-6 * closest) / closest;
            bool agrees = certificate.MaxRatioDeviation <= independent + 1e-6 && certificate.MaxRatioDeviation >= independent - allowance;
            // Between the two bounds the verdict may go either way: a pair a few ulps apart can leave the band by
            // rounding alone (seed 952: two neurons 6e-6 apart, deviation 0.0048 against eta K 0.0024), which the
            // certificate, by design, does not count.
            bool verdictAgrees = independent <= eta * k - allowance ? certificate.Held : independent > eta * k + allowance ? !certificate.Held : true;
            return (agrees && verdictAgrees).Label($"seed {seed}: certificate {certificate.MaxRatioDeviation}, independent {independent}, eta K {eta * k}");
        }).QuickCheckThrowOnFailure();
    }

    internal static float[] RandomCloud(int count, int dimension, ulong seed)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, count * dimension).Select(_ => (float)rng.Uniform(-1, 1)).ToArray();
    }

    internal static float[] Map(float[] cloud, int dimension, Func<double[], double[]> map)
    {
        var moved = new float[cloud.Length];
        for (int i = 0; i < cloud.Length / dimension; i++)
        {
            var image = map(cloud.Skip(i * dimension).Take(dimension).Select(v => (double)v).ToArray());
            for (int d = 0; d < dimension; d++) moved[i * dimension + d] = (float)image[d];
        }
        return moved;
    }

    private static double IndependentMaxDeviation(float[] before, float[] after, int dimension)
    {
        double largest = 0;
        int count = before.Length / dimension;
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++)
            {
                double old = Distance(before, i, j, dimension), now = Distance(after, i, j, dimension);
                if (old > 0) largest = Math.Max(largest, Math.Abs(now / old - 1));
            }
        return largest;
    }

    private static double ClosestPair(float[] cloud, int dimension)
    {
        double smallest = double.PositiveInfinity;
        int count = cloud.Length / dimension;
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++) smallest = Math.Min(smallest, Distance(cloud, i, j, dimension));
        return smallest;
    }

    private static double Distance(float[] cloud, int i, int j, int dimension) =>
        Math.Sqrt(Enumerable.Range(0, dimension).Sum(d => Math.Pow((double)cloud[j * dimension + d] - cloud[i * dimension + d], 2)));
}
