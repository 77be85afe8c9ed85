using FsCheck.Xunit;
using TopoDsl.Landscape.Paths;

namespace TopoDsl.Landscape.Tests.Paths;

public class ImageChainTests
{
    private static ImageChain Bent()
    {
        // (0,0) -> (1,0) -> (1,1) -> (2,1): three unit segments with images at both corners.
        var chain = new ImageChain([0, 0], [2, 1]);
        chain.Insert(0, 0.5);
        chain.Insert(1, 0.5);
        chain.Images[1][0] = 1; chain.Images[1][1] = 0;
        chain.Images[2][0] = 1; chain.Images[2][1] = 1;
        return chain;
    }

    [Fact]
    public void The_tangent_points_to_the_higher_neighbour_and_blends_both_at_a_peak()
    {
        var chain = Bent();

        Assert.Equal([0.0, 1.0], chain.Tangent(1, [0, 1, 2, 3], new double[2])); // rising: toward the next image
        Assert.Equal([1.0, 0.0], chain.Tangent(1, [3, 2, 1, 0], new double[2])); // falling: from the previous image
        // A peak at image 1 (loss 3) between 0 before and 2 after: the direction toward the higher neighbour (the next,
        // (0, 1)) weighs the larger drop, 3, and the other, (1, 0), the smaller, 1.
        var peak = chain.Tangent(1, [0, 3, 2, 0], new double[2]);
        Assert.Equal(1 / Math.Sqrt(10), peak[0], 1e-12);
        Assert.Equal(3 / Math.Sqrt(10), peak[1], 1e-12);
    }

    [Fact]
    public void Redistribution_puts_the_images_back_at_their_shares_of_the_length()
    {
        var chain = Bent(); // shares 1/2, 1/4, 1/4 of a chain now 3 long

        chain.Redistribute();

        Assert.Equal([1.0, 0.5], chain.Images[1]); // 1.5 along: half way up the middle segment
        Assert.Equal([1.25, 1.0], chain.Images[2]); // 2.25 along
        Assert.Equal([2.0, 1.0], chain.Images[3]);
    }

    [Property(MaxTest = 200)]
    public void The_projected_gradient_is_orthogonal_to_the_tangent_and_differs_from_the_gradient_along_it(double[] gradientSeed, double[] tangentSeed)
    {
        int n = Math.Min(gradientSeed?.Length ?? 0, tangentSeed?.Length ?? 0);
        var gradient = gradientSeed!.Take(n).Select(x => double.IsFinite(x) ? x % 100 : 1).ToArray();
        var tangent = tangentSeed!.Take(n).Select(x => double.IsFinite(x) ? x % 100 : 1).ToArray();
        double norm = Math.Sqrt(tangent.Sum(x => x * x));
        if (n == 0 || norm < 1e-3) return;
        for (int k = 0; k < n; k++) tangent[k] /= norm;
        var original = (double[])gradient.Clone();

        AutoNeb.RemoveAlong(gradient, tangent);

        double scale = 1 + original.Sum(x => Math.Abs(x));
        Assert.True(Math.Abs(gradient.Zip(tangent, (a, b) => a * b).Sum()) < 1e-12 * scale);
        double along = original.Zip(tangent, (a, b) => a * b).Sum();
        for (int k = 0; k < n; k++) Assert.Equal(original[k] - along * tangent[k], gradient[k], 1e-12);
    }
}
