using TopoDsl.Homology.IO;
using static TopoDsl.Homology.Tests.IO.InputErrors;

namespace TopoDsl.Homology.Tests.IO;

public sealed class InputSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<InputFormat> Formats => new(Enum.GetValues<InputFormat>());

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_missing_file_is_named(InputFormat format)
    {
        var file = Path.Combine(_folder.Path, "absent.txt");
        AssertFails(() => MetricReader.Read(file, format), file, null, "does not exist");
    }

    [Fact]
    public void A_missing_folder_is_named()
    {
        var file = Path.Combine(_folder.Path, "no-such-folder", "points.txt");
        AssertFails(() => MetricReader.Read(file, InputFormat.PointCloud), file, null, "folder does not exist");
    }

    [Fact]
    public void A_folder_is_not_a_file() =>
        AssertFails(() => MetricReader.Read(_folder.Path, InputFormat.Sparse), _folder.Path, null, "folder, not a file");

    [NotRootFact]
    public void A_file_without_read_permission_is_reported()
    {
        var file = _folder.File("0 0\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.None);
        AssertFails(() => MetricReader.Read(file, InputFormat.PointCloud), file, null, "permission denied");
    }

    [Fact]
    public void A_file_that_fails_while_being_read_is_reported()
    {
        Assert.True(OperatingSystem.IsLinux(), "this test uses /proc/self/mem, which opens but cannot be read at offset 0");
        const string file = "/proc/self/mem";
        AssertFails(() => MetricReader.Read(file, InputFormat.PointCloud), file, null, "reading failed");
    }

    [Fact]
    public void An_empty_path_is_reported() =>
        AssertFails(() => MetricReader.Read("", InputFormat.PointCloud), "", null, "no file name");

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_empty_file_is_reported_in_every_format(InputFormat format)
    {
        var file = _folder.File("# nothing here\n\n");
        AssertFails(() => MetricReader.Read(file, format), file, null, "no data");
    }

    [Fact]
    public void A_dash_reads_standard_input_and_errors_name_it()
    {
        var previous = Console.In;
        try
        {
            Console.SetIn(new StringReader("0 0\n3 4\n"));
            Assert.Equal(2, MetricReader.Read("-", InputFormat.PointCloud).PointCount);
            Console.SetIn(new StringReader("0 1 1\n1 2\n"));
            AssertFails(() => MetricReader.Read("-", InputFormat.Sparse), "<stdin>", 2, "expected 3 fields");
        }
        finally
        {
            Console.SetIn(previous);
        }
    }

    [Fact]
    public void Metric_reader_returns_the_member_of_the_format()
    {
        var cloud = MetricReader.Read(_folder.File("0 0\n3 4\n"), InputFormat.PointCloud);
        var full = MetricReader.Read(_folder.File("0 5\n5 0\n", "full.txt"), InputFormat.Distance);
        var lower = MetricReader.Read(_folder.File("5\n", "lower.txt"), InputFormat.LowerDistance);
        var sparse = MetricReader.Read(_folder.File("0 2 5\n", "sparse.txt"), InputFormat.Sparse);

        Assert.Equal((2, 2, 2, 3), (cloud.PointCount, full.PointCount, lower.PointCount, sparse.PointCount));
        Assert.NotNull(cloud.Cloud);
        Assert.NotNull(full.Matrix);
        Assert.NotNull(lower.Matrix);
        Assert.NotNull(sparse.Sparse);
        Assert.Equal(InputFormat.LowerDistance, lower.Format);
        Assert.EndsWith("lower.txt", lower.Source);
    }
}
