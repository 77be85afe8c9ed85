using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TopoDsl.Training.Data;

namespace TopoDsl.Training.Tests.Data;

public class IdxTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Images_round_trip(bool gzip)
    {
        using var folder = new TempFolder();
        var values = IdxFiles.RandomBytes(3 * 2 * 4, seed: 1);
        var path = IdxFiles.Write(folder, "images", Idx.ImagesMagic, [3, 2, 4], values, gzip);
        var read = Idx.ReadImages(path);
        Assert.Equal([3, 2, 4], read.Dimensions);
        Assert.Equal(values, read.Values);
        Assert.Equal(Idx.ImagesMagic, read.Magic);
        Assert.Equal(path, read.File);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Labels_round_trip(bool gzip)
    {
        using var folder = new TempFolder();
        byte[] values = [9, 0, 3, 3, 255];
        var read = Idx.ReadLabels(IdxFiles.Write(folder, "labels", Idx.LabelsMagic, [5], values, gzip));
        Assert.Equal([5], read.Dimensions);
        Assert.Equal(values, read.Values);
    }

    [Property(MaxTest = 50)]
    public Property Any_unsigned_byte_array_round_trips(byte[] values, bool gzip, PositiveInt split)
    {
        using var folder = new TempFolder();
        int rows = values.Length == 0 ? 0 : 1 + split.Get % values.Length;
        int[] dimensions = rows > 0 && values.Length % rows == 0 ? [rows, values.Length / rows] : [values.Length];
        int magic = 0x0800 | dimensions.Length;
        var read = Idx.Read(IdxFiles.Write(folder, "any", magic, dimensions, values, gzip));
        return (read.Dimensions.SequenceEqual(dimensions) && read.Values.SequenceEqual(values)).Label($"dims [{string.Join(",", dimensions)}]");
    }

    [Fact]
    public void Gzip_is_recognised_by_content_not_by_name()
    {
        using var folder = new TempFolder();
        var gzipWithoutSuffix = IdxFiles.Write(folder, "labels-idx1-ubyte", Idx.LabelsMagic, [2], [1, 2], gzip: true);
        var plainWithSuffix = IdxFiles.Write(folder, "labels-idx1-ubyte.gz", Idx.LabelsMagic, [2], [3, 4], gzip: false);
        Assert.Equal([1, 2], Idx.ReadLabels(gzipWithoutSuffix).Values);
        Assert.Equal([3, 4], Idx.ReadLabels(plainWithSuffix).Values);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Wrong_magic_names_the_file_and_both_numbers(bool gzip)
    {
        using var folder = new TempFolder();
        var path = IdxFiles.Write(folder, "labels", Idx.LabelsMagic, [2], [0, 1], gzip);
        var e = Assert.Throws<DataFormatException>(() => Idx.ReadImages(path));
        Assert.Equal(path, e.File);
        Assert.Contains("0x00000801", e.Message);
        Assert.Contains("0x00000803", e.Message);
    }

    [Fact]
    public void Text_file_is_not_an_idx_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("hello world\n");
        var e = Assert.Throws<DataFormatException>(() => Idx.Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains("not an IDX file", e.Message);
    }

    [Fact]
    public void Element_types_other_than_unsigned_byte_are_unsupported()
    {
        using var folder = new TempFolder();
        var path = IdxFiles.Write(folder, "floats", 0x00000D01, [1], [0, 0, 0, 0], gzip: false);
        var e = Assert.Throws<DataFormatException>(() => Idx.Read(path));
        Assert.Contains("element type 0x0D", e.Message);
    }

    [Fact]
    public void Zero_dimensions_are_rejected()
    {
        using var folder = new TempFolder();
        var path = IdxFiles.Write(folder, "scalar", 0x00000800, [], [], gzip: false);
        Assert.Contains("zero dimensions", Assert.Throws<DataFormatException>(() => Idx.Read(path)).Message);
    }

    [Theory]
    [InlineData(0, "magic number")]
    [InlineData(3, "magic number")]
    [InlineData(9, "3 dimensions")]
    public void Truncated_header_is_reported(int keep, string where)
    {
        using var folder = new TempFolder();
        var full = IdxFiles.Bytes(Idx.ImagesMagic, [1, 2, 2], [1, 2, 3, 4]);
        var path = IdxFiles.Write(folder, "cut", full[..keep]);
        var e = Assert.Throws<DataFormatException>(() => Idx.ReadImages(path));
        Assert.Equal(path, e.File);
        Assert.Contains($"truncated IDX header: the file ends inside the {where}", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_values_are_reported_with_the_counts(bool gzip)
    {
        using var folder = new TempFolder();
        var content = IdxFiles.Bytes(Idx.ImagesMagic, [2, 3, 3], IdxFiles.RandomBytes(18, 2))[..(16 + 11)];
        var path = IdxFiles.Write(folder, "short", gzip ? IdxFiles.Gzip(content) : content);
        var e = Assert.Throws<DataFormatException>(() => Idx.ReadImages(path));
        Assert.Equal(path, e.File);
        Assert.Contains("promises 18 values [2, 3, 3] but only 11 follow", e.Message);
    }

    [Fact]
    public void Data_after_the_promised_values_is_reported()
    {
        using var folder = new TempFolder();
        var path = IdxFiles.Write(folder, "long", Idx.LabelsMagic, [2], [1, 2, 3], gzip: false);
        var e = Assert.Throws<DataFormatException>(() => Idx.ReadLabels(path));
        Assert.Contains("data continues after the 2 values", e.Message);
    }

    [Fact]
    public void Corrupt_gzip_stream_names_the_file()
    {
        using var folder = new TempFolder();
        var path = IdxFiles.Write(folder, "corrupt.gz", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        var e = Assert.Throws<DataFormatException>(() => Idx.ReadLabels(path));
        Assert.Equal(path, e.File);
    }

    [Fact]
    public void Gzip_stream_cut_short_names_the_file()
    {
        using var folder = new TempFolder();
        var gz = IdxFiles.Gzip(IdxFiles.Bytes(Idx.ImagesMagic, [50, 28, 28], IdxFiles.RandomBytes(50 * 28 * 28, 3)));
        var path = IdxFiles.Write(folder, "cut.gz", gz[..(gz.Length / 2)]);
        var e = Assert.Throws<DataFormatException>(() => Idx.ReadImages(path));
        Assert.Equal(path, e.File);
    }

    [Fact]
    public void Missing_file_is_a_file_not_found_error()
    {
        using var folder = new TempFolder();
        Assert.Throws<FileNotFoundException>(() => Idx.Read(Path.Combine(folder.Path, "absent")));
    }
}
