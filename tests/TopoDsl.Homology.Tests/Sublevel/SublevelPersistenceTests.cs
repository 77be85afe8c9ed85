using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public class SublevelPersistenceTests
{
    private static readonly double Inf = double.PositiveInfinity;

    private static PersistenceInterval Bar(double birth, double death) => new(birth, death);

    [Fact]
    public void Path_with_three_minima_gives_the_elder_rule_bars_and_merges()
    {
        // 0 - 3 - 1 - 4 - 2: minima at vertices 0, 2, 4; saddles 3 and 4.
        var result = SublevelPersistence.OnGraph([0, 3, 1, 4, 2], [0, 1, 2, 3], [1, 2, 3, 4]);

        Assert.Equal([Bar(1, 3), Bar(2, 4), Bar(0, Inf)], result.Bars);
        Assert.Equal([new MergeEvent(2, 0, 1, 2, 1, 3), new MergeEvent(4, 0, 3, 4, 2, 4)], result.Merges);
        Assert.Equal([0], result.ComponentMinima);
    }

    [Fact]
    public void W_shape_gives_one_finite_bar_from_its_shallow_well()
    {
        // 4 \ 0 / 2 \ 1 / 4
        var result = SublevelPersistence.OnGraph([4, 0, 2, 1, 4], [0, 1, 2, 3], [1, 2, 3, 4]);

        Assert.Equal([Bar(1, 2), Bar(0, Inf)], result.Bars);
        Assert.Equal([new MergeEvent(3, 1, 2, 3, 1, 2)], result.Merges);
    }

    [Fact]
    public void Every_component_and_isolated_vertex_has_an_essential_bar_ordered_by_its_minimum()
    {
        // Component {0,1,2,3}: 5 1 6 2; component {4,5}: 3 0.5; vertex 6 alone at 7.
        var result = SublevelPersistence.OnGraph([5, 1, 6, 2, 3, 0.5, 7], [0, 1, 2, 4], [1, 2, 3, 5]);

        Assert.Equal([Bar(2, 6), Bar(0.5, Inf), Bar(1, Inf), Bar(7, Inf)], result.Bars);
        Assert.Equal([new MergeEvent(3, 1, 2, 3, 2, 6)], result.Merges);
        Assert.Equal([5, 1, 6], result.ComponentMinima);
        Assert.Equal([Bar(2, 6)], result.FiniteBars);
        Assert.Equal(3, result.EssentialBars.Count());
    }

    [Fact]
    public void Equal_minima_the_higher_vertex_index_dies()
    {
        var forward = SublevelPersistence.OnGraph([0, 2, 0], [0, 1], [1, 2]);
        var reversed = SublevelPersistence.OnGraph([0, 2, 0], [2, 1], [1, 0]);

        Assert.Equal([new MergeEvent(2, 0, 1, 2, 0, 2)], forward.Merges);
        Assert.Equal([new MergeEvent(2, 0, 1, 0, 0, 2)], reversed.Merges);
        Assert.Equal([Bar(0, 2), Bar(0, Inf)], forward.Bars);
        Assert.Equal([0], reversed.ComponentMinima);
    }

    [Fact]
    public void Edges_of_equal_value_merge_in_input_order()
    {
        // A star: centre 0 at 5, leaves 1, 2, 3 at 1, 2, 3; every edge has value 5.
        double[] values = [5, 1, 2, 3];
        var leavesHighFirst = SublevelPersistence.OnGraph(values, [0, 0, 0], [3, 2, 1]);
        var leavesLowFirst = SublevelPersistence.OnGraph(values, [0, 0, 0], [1, 2, 3]);

        Assert.Equal([new MergeEvent(3, 2, 0, 2, 3, 5), new MergeEvent(2, 1, 0, 1, 2, 5)], leavesHighFirst.Merges);
        Assert.Equal([new MergeEvent(2, 1, 0, 2, 2, 5), new MergeEvent(3, 1, 0, 3, 3, 5)], leavesLowFirst.Merges);
        Assert.Equal(
            SublevelAssertions.SortedBars(leavesHighFirst.Bars), SublevelAssertions.SortedBars(leavesLowFirst.Bars));
    }

    [Fact]
    public void Plateau_minimum_gives_no_zero_length_bar()
    {
        var result = SublevelPersistence.OnGraph([1, 1, 1, 0], [0, 1, 2], [1, 2, 3]);

        Assert.Equal([Bar(0, Inf)], result.Bars);
        Assert.Empty(result.Merges);
        Assert.Equal([3], result.ComponentMinima);
    }

    [Fact]
    public void Self_loops_and_duplicate_edges_change_nothing()
    {
        var plain = SublevelPersistence.OnGraph([0, 3, 1], [0, 1], [1, 2]);
        var noisy = SublevelPersistence.OnGraph([0, 3, 1], [2, 0, 1, 1, 2], [2, 1, 2, 1, 1]);

        Assert.Equal(plain.Bars, noisy.Bars);
        Assert.Equal(plain.ComponentMinima, noisy.ComponentMinima);
    }

    [Fact]
    public void Empty_graph_and_graph_without_edges()
    {
        var empty = SublevelPersistence.OnGraph([], [], []);
        var isolated = SublevelPersistence.OnGraph([2, -1, 2], [], []);

        Assert.Empty(empty.Bars);
        Assert.Equal([Bar(-1, Inf), Bar(2, Inf), Bar(2, Inf)], isolated.Bars);
        Assert.Equal([1, 0, 2], isolated.ComponentMinima);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_value_is_rejected_naming_the_vertex(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnGraph([0, 1, bad], [0], [1]));
        Assert.Contains("vertex 2", e.Message);
        Assert.Equal("vertexValues", e.ParamName);
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(0, -1)]
    public void Edge_endpoint_out_of_range_is_rejected_naming_the_edge(int source, int target)
    {
        var e = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnGraph([0, 1, 2], [0, source], [1, target]));
        Assert.Contains($"edge 1 ({source}, {target})", e.Message);
        Assert.Contains("0..2", e.Message);
    }

    [Fact]
    public void Mismatched_edge_arrays_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => SublevelPersistence.OnGraph([0, 1, 2], [0, 1], [1]));
        Assert.Contains("2 sources but 1 targets", e.Message);
    }
}
