using TopoDsl.Homology.IO;
using static TopoDsl.Homology.Tests.IO.InputErrors;

namespace TopoDsl.Homology.Tests.IO;

public sealed class SparseDistancesReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Reads_edges_in_order_with_whitespace_or_commas()
    {
        var sparse = SparseDistancesReader.Read(_folder.File("# square\n0 1 1\n1,2,1\n2, 3, 1\n\n3\t0\t1.5\n"));

        Assert.Equal(4, sparse.VertexCount);
        Assert.Equal(new[] { 0, 1, 2, 3 }, sparse.Sources.ToArray());
        Assert.Equal(new[] { 1, 2, 3, 0 }, sparse.Targets.ToArray());
        Assert.Equal(new[] { 1f, 1f, 1f, 1.5f }, sparse.Distances.ToArray());
    }

    [Fact]
    public void Vertex_count_is_the_largest_index_plus_one()
    {
        var sparse = SparseDistancesReader.Read(_folder.File("0 1 1\n7 2 3\n"));

        Assert.Equal(8, sparse.VertexCount);
        Assert.Equal(2, sparse.EdgeCount);
    }

    [Fact]
    public void Loops_are_ignored_as_ripser_ignores_them()
    {
        var sparse = SparseDistancesReader.Read(_folder.File("0 1 1\n5 5 0\n1 1 0\n"));

        Assert.Equal(2, sparse.VertexCount);
        Assert.Equal(1, sparse.EdgeCount);
    }

    [Theory]
    [InlineData("0 1\n", 2)]
    [InlineData("0 1 2 3\n", 4)]
    [InlineData("0,1\n", 2)]
    public void Wrong_field_count_is_rejected(string line, int fields)
    {
        var file = _folder.File("0 2 1\n" + line);
        AssertFails(() => SparseDistancesReader.Read(file), file, 2, "expected 3 fields 'i j d'", $"found {fields}");
    }

    [Fact]
    public void Negative_vertex_index_is_rejected()
    {
        var file = _folder.File("0 1 1\n1 -2 1\n");
        AssertFails(() => SparseDistancesReader.Read(file), file, 2, "negative vertex index -2");
    }

    [Theory]
    [InlineData("1.5", "expected a vertex index")]
    [InlineData("a", "found 'a'")]
    [InlineData("99999999999", "too large")]
    public void Bad_vertex_index_is_quoted(string index, string fragment)
    {
        var file = _folder.File($"{index} 1 1\n");
        AssertFails(() => SparseDistancesReader.Read(file), file, 1, fragment);
    }

    [Fact]
    public void Negative_or_non_finite_distance_is_rejected()
    {
        var negative = _folder.File("0 1 1\n\n2 3 -0.5\n");
        AssertFails(() => SparseDistancesReader.Read(negative), negative, 3, "distance of edge (2,3) is negative (-0.5)");
        var nan = _folder.File("0 1 NaN\n", "nan.txt");
        AssertFails(() => SparseDistancesReader.Read(nan), nan, 1, "NaN");
        var text = _folder.File("0 1 far\n", "text.txt");
        AssertFails(() => SparseDistancesReader.Read(text), text, 1, "found 'far'");
    }
}
