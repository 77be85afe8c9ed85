using TopoDsl.Experiments.Clouds;
using TopoDsl.Experiments.Topology;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// The persistent Betti numbers on which "topology preserved" rests, on clouds of known shape: kept under small
/// diffeomorphisms, changed when the cloud is cut apart.
/// </summary>
public sealed class TopologyVerdictTests
{
    private static readonly TopologyOptions Standardized = new() { Coordinates = CloudCoordinates.Standardized };

    [Fact]
    public void The_figure_eight_has_one_component_and_two_loops()
    {
        var cloud = InitialClouds.FigureEight(1024, seed: 7);
        var snapshot = new CloudTopology(Standardized).Measure(cloud.Data, 2, 0);
        Assert.Equal([1, 2, 0], snapshot.PersistentBetti);
        Assert.True(snapshot.Sampled);
        Assert.Equal(256, snapshot.Points);
    }

    [Fact]
    public void A_small_diffeomorphism_keeps_the_figure_eight_shape()
    {
        var cloud = InitialClouds.FigureEight(1024, seed: 8);
        var moved = CertificateTests.Map(cloud.Data, 2, p => [p[0] + 0.02 * Math.Sin(3 * p[1]), p[1] + 0.1 * p[1] * p[1] * p[1] + 0.05 * (p[0] + 2)]);
        var topology = new CloudTopology(Standardized);
        Assert.Equal(topology.Measure(cloud.Data, 2, 0).PersistentBetti, topology.Measure(moved, 2, 1).PersistentBetti);
    }

    [Fact]
    public void Cutting_a_lobe_open_and_pulling_the_other_away_changes_the_shape()
    {
        var cloud = InitialClouds.FigureEight(1024, seed: 9);
        // Points with a > 0.4 (the top of the right lobe and the bottom of the left one) are moved far up: the lobes break.
        var torn = CertificateTests.Map(cloud.Data, 2, p => p[1] > 0.4 ? [p[0], p[1] + 6] : p);
        var topology = new CloudTopology(Standardized);
        var before = topology.Measure(cloud.Data, 2, 0).PersistentBetti;
        var after = topology.Measure(torn, 2, 1).PersistentBetti;
        Assert.NotEqual(before, after);
        Assert.True(after[0] > 1, $"the torn cloud should fall apart, got ({string.Join(", ", after)})");
    }

    [Fact]
    public void At_a_quarter_of_the_raw_diameter_the_figure_eights_loops_are_filled_in_as_papers_md_warns()
    {
        var cloud = InitialClouds.FigureEight(1024, seed: 10);
        var raw = new CloudTopology(new TopologyOptions { Coordinates = CloudCoordinates.Raw }).Measure(cloud.Data, 2, 0);
        var standardized = new CloudTopology(Standardized).Measure(cloud.Data, 2, 0);
        Assert.Equal(0, raw.Betti[1]);
        Assert.Equal(2, standardized.Betti[1]);
    }

    [Fact]
    public void Two_circles_have_two_components_and_two_loops()
    {
        var cloud = InitialClouds.TwoCircles(400);
        Assert.Equal([2, 2, 0], new CloudTopology(Standardized).Measure(cloud.Data, 2, 0).PersistentBetti);
    }

    [Fact]
    public void The_solid_double_torus_has_one_component_and_two_loops()
    {
        var cloud = InitialClouds.SolidDoubleTorus(4096, seed: 11);
        Assert.All(Enumerable.Range(0, 4096), i => Assert.True(InitialClouds.DoubleTorusField(
            Unrotated(cloud.Data, i)[0], Unrotated(cloud.Data, i)[1], Unrotated(cloud.Data, i)[2]) <= 1e-6));
        // 256 points leave sampling bars of 0.07 x the diameter beside the loops' 0.09: 512 points and 0.075 separate them.
        var options = Standardized with { MaxPoints = 512, PersistentFraction = 0.075 };
        Assert.Equal([1, 2, 0], new CloudTopology(options).Measure(cloud.Data, 3, 0).PersistentBetti);
    }

    [Fact]
    public void The_sphere_in_R794_has_one_component_no_loop_and_one_void()
    {
        var cloud = InitialClouds.EmbeddedSphere(1024, 794, seed: 12);
        for (int i = 0; i < 1024; i++)
            Assert.Equal(1.0, Math.Sqrt(cloud.Data.AsSpan(i * 794, 794).ToArray().Sum(v => (double)v * v)), 5);
        // 256 points on the sphere are about 0.12 x the diameter apart, and the void dies late: 0.15 and a cut at 0.4.
        var options = new TopologyOptions { PersistentFraction = 0.15, TruncationFraction = 0.4 };
        Assert.Equal([1, 0, 1], new CloudTopology(options).Measure(cloud.Data, 794, 0).PersistentBetti);
    }

    // The sampler's inverse: undo 0.1 x - 2 on the first axis, then the rotation (its transpose).
    private static double[] Unrotated(float[] data, int i)
    {
        double[] v = [(data[3 * i] + 2) / 0.1, data[3 * i + 1], data[3 * i + 2]];
        var r = InitialClouds.DoubleTorusRotation;
        return [r[0, 0] * v[0] + r[1, 0] * v[1] + r[2, 0] * v[2], r[0, 1] * v[0] + r[1, 1] * v[1] + r[2, 1] * v[2], r[0, 2] * v[0] + r[1, 2] * v[1] + r[2, 2] * v[2]];
    }
}
