using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>
/// Runs that cannot be numbered or cannot fit the memory budget are refused before the distance matrix and the
/// edges exist. Allocations are counted on the test's thread, where the matrix and the edge list would be made.
/// </summary>
public class UpFrontRefusalTests
{
    private const int Points = 30_000;
    private const long SmallAllocation = 16L << 20; // the matrix alone of 30,000 points is 3.4 GiB

    private static readonly PointCloud Cloud = RandomClouds.Uniform(41, Points, 3);

    [Theory]
    [InlineData(null)]
    [InlineData(4L << 30)]
    public void Thirty_thousand_points_up_to_dimension_3_hit_the_index_limit_before_anything_is_built(long? budget)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<SimplexIndexOverflowException>(() =>
            VietorisRips.Compute(Cloud, new RipsOptions { MaxDimension = 3, MaxMemoryBytes = budget }));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("30000 points are too many for homology up to dimension 3", error.Message);
        Assert.Contains("C(30000, 5) = 2.02e20, beyond 2^63 - 1", error.Message);
        Assert.Equal(long.MaxValue, error.MaxIndex);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated before the refusal");
    }

    [Fact]
    public void Z_p_coefficients_refuse_dimension_2_on_the_2_to_the_47_limit_up_front()
    {
        // C(30000, 4) = 3.37e16 fits in 63 bits but not in the 47 left beside a coefficient.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<SimplexIndexOverflowException>(() =>
            VietorisRips.Compute(Cloud, new RipsOptions { MaxDimension = 2, Modulus = 3 }));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("C(30000, 4) = 3.37e16, beyond 2^47 - 1", error.Message);
        Assert.Equal((1L << 47) - 1, error.MaxIndex);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated before the refusal");
    }

    [Fact]
    public void A_small_budget_is_refused_with_the_amount_the_matrix_and_edges_need_before_they_exist()
    {
        const long budget = 4L << 30; // more than the matrix alone: the edges must be counted to refuse
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<InsufficientMemoryBudgetException>(() =>
            VietorisRips.Compute(Cloud, new RipsOptions { MaxDimension = 2, MaxMemoryBytes = budget }));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        long matrix = 4L * Points * Points;
        double edges = error.Estimate.SimplexCounts[1];
        Assert.InRange(edges, 0.5 * Points * (Points - 1) / 2, 1.0 * Points * (Points - 1) / 2);
        Assert.True(error.Estimate.Bytes > matrix + 12 * edges, $"estimate {error.Estimate.Bytes} leaves out the matrix or the edges");
        Assert.Equal(budget, error.Budget);
        Assert.False(error.Estimate.IsLowerBound);
        Assert.Contains($"needs about {error.Estimate}", error.Message);
        Assert.Contains("more than the limit of 4 GiB", error.Message);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated before the refusal");
    }

    [Fact]
    public void A_budget_below_the_matrix_alone_is_refused_without_sampling_and_says_at_least()
    {
        var error = Assert.Throws<InsufficientMemoryBudgetException>(() =>
            VietorisRips.Compute(Cloud, new RipsOptions { MaxDimension = 1, MaxMemoryBytes = 1L << 30 }));

        Assert.True(error.Estimate.IsLowerBound);
        Assert.Equal(Points - 1, error.Estimate.SimplexCounts[1]); // n - 1: the central vertex is within the enclosing radius of every other
        Assert.True(error.Estimate.Bytes > 4L * Points * Points);
        Assert.StartsWith($"this computation needs at least {error.Estimate} ", error.Message);
    }

    [Fact]
    public void A_sparse_input_with_a_huge_vertex_index_is_refused_before_its_per_vertex_tables()
    {
        var oneEdge = new SparseDistances(2_000_000_000, new[] { 0 }, new[] { 1_999_999_999 }, new[] { 1f });
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<SimplexIndexOverflowException>(() =>
            VietorisRips.Compute(oneEdge, new RipsOptions { MaxDimension = 1 }));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("C(2000000000, 3)", error.Message);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated before the refusal");
    }

    [Theory]
    [InlineData(4, 5, 2)]
    [InlineData(4, 100_000_000, 2)]
    [InlineData(2, 3, 0)]
    [InlineData(1, 2, 0)]
    public void The_dimension_is_capped_at_n_minus_2_as_in_ripser_before_its_tables_are_built(int points, int dimension, int capped)
    {
        var cloud = RandomClouds.Uniform(46, points, 2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = VietorisRips.Compute(cloud, new RipsOptions { MaxDimension = dimension, Threads = 1 });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(capped, result.Barcode.MaxDimension);
        Assert.Single(result.Barcode[0], bar => bar.IsEssential);
        Assert.True(allocated < SmallAllocation, $"{allocated} bytes allocated for {points} points");
    }

    [Fact]
    public void The_index_check_agrees_with_the_binomial_table_at_the_boundary()
    {
        // C(n, 4) <= 2^63 - 1 exactly up to n = 121,977 (C(121978, 4) overflows): the check is exact, not a bound.
        BinomialTable.EnsureIndexable(121_977, 4, long.MaxValue);
        Assert.Throws<SimplexIndexOverflowException>(() => BinomialTable.EnsureIndexable(121_978, 4, long.MaxValue));
        Assert.Throws<SimplexIndexOverflowException>(() => new BinomialTable(121_978, 4));
        Assert.Equal(Binomial(121_977, 4), new BinomialTable(121_977, 4)[121_977, 4]);
    }

    private static long Binomial(int n, int k)
    {
        Int128 c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return (long)c;
    }
}
