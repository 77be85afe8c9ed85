using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Writes_text_with_unix_newlines_and_no_byte_order_mark()
    {
        var path = Path.Combine(_folder.Path, "out.txt");

        AtomicFile.WriteAllText(path, writer => writer.WriteLine("héllo"));

        Assert.Equal("h\u00e9llo\n"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Replaces_an_existing_file()
    {
        var path = _folder.File("old content that is longer", "out.txt");

        AtomicFile.WriteAllText(path, writer => writer.Write("new"));

        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void A_failed_write_leaves_the_old_file_and_no_temporary_file()
    {
        var path = _folder.File("old", "out.txt");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteAllText(path, writer =>
        {
            writer.Write("partial");
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder.Path));
    }

    [Fact]
    public void Writes_binary_content_through_a_stream()
    {
        var path = Path.Combine(_folder.Path, "result.json");

        AtomicFile.Write(path, stream => ResultJsonWriter.Write(stream, SampleResults.Hexagon()));

        Assert.StartsWith("{\"points\":6,", File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_folder_fails_without_leaving_anything()
    {
        var path = Path.Combine(_folder.Path, "absent", "out.txt");

        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllText(path, writer => writer.Write("x")));
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "absent")));
    }
}
