using TopoDsl.Homology.IO;
using TopoDsl.Homology.Sublevel;
using TopoDsl.Text;

namespace TopoDsl.Homology.Tests.IO;

/// <summary>
/// A binary file given where text belongs: the message quotes the offending bytes as escapes, so it stays one
/// printable line that still names the file and the line.
/// </summary>
public sealed class BinaryInputTests : IDisposable
{
    // A comment line, then the start of an ELF executable: DEL, NUL, bell, escape, bytes that are not UTF-8.
    private static readonly byte[] Binary =
        [(byte)'#', (byte)'\n', 0x7F, (byte)'E', (byte)'L', (byte)'F', 0x02, 0x01, 0x00, 0x00, 0x07, 0x1B,
         (byte)'[', (byte)'2', (byte)'J', 0xC3, 0x28, 0xFF, 0x9B, (byte)' ', (byte)'3', (byte)'\n'];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string BinaryFile()
    {
        var path = Path.Combine(_folder.Path, "program.bin");
        File.WriteAllBytes(path, Binary);
        return path;
    }

    public static TheoryData<InputFormat> Formats => new(InputFormat.PointCloud, InputFormat.Distance, InputFormat.LowerDistance,
        InputFormat.UpperDistance, InputFormat.Sparse);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_ph_format_escapes_the_bytes_and_names_the_file_and_line(InputFormat format)
    {
        var path = BinaryFile();
        var error = Assert.Throws<InputFormatException>(() => MetricReader.Read(path, format));

        AssertPrintable(error.Message);
        Assert.Equal(path, error.File);
        Assert.Equal(2, error.Line);
        Assert.StartsWith($"{path}:2: ", error.Message);
    }

    [Fact]
    public void The_message_shows_the_bytes_as_escapes_and_says_the_file_looks_binary()
    {
        var path = BinaryFile();
        var error = Assert.Throws<InputFormatException>(() => MetricReader.Read(path, InputFormat.PointCloud));

        Assert.Equal(@"expected a number, found binary data '\x7FELF\x02\x01\x00\x00\x07\x1B[2J\uFFFD(\uFFFD\uFFFD' (is this a text file?)",
            error.Problem);
    }

    [Fact]
    public void Sublevel_value_point_and_edge_files_escape_the_bytes_too()
    {
        var path = BinaryFile();
        var values = Assert.Throws<InputFormatException>(() => VertexValuesFile.Read(path));
        var points = Assert.Throws<InputFormatException>(() => ValuedPointsFile.Read(path));
        var edges = Assert.Throws<InputFormatException>(() => EdgeListFile.Read(path, 10));

        foreach (var error in new[] { values, points, edges })
        {
            AssertPrintable(error.Message);
            Assert.Equal(path, error.File);
            Assert.Equal(2, error.Line);
        }
        Assert.Contains(@"coordinate 0 is binary data '\x7FELF\x02\x01\x00", points.Problem);
        Assert.Contains(@"field is binary data '\x7FELF\x02\x01\x00", edges.Problem);
    }

    [Fact]
    public void A_stray_control_character_in_a_text_file_is_escaped_without_calling_the_file_binary()
    {
        var error = Assert.Throws<InputFormatException>(() => PointCloudReader.Read(new StringReader("1 2\n3 4\u001b[31m\n"), "text"));

        Assert.Equal(@"expected a number, found '4\x1B[31m'", error.Problem);
    }

    [Theory]
    [InlineData("plain 1.5e3", "plain 1.5e3")]
    [InlineData("tab\there", @"tab\there")]
    [InlineData("nul\0", @"nul\x00")]
    [InlineData("c1\u009b", @"c1\x9B")]
    [InlineData("bidi\u202e", @"bidi\u202E")]
    [InlineData("emoji \U0001F600 é", "emoji \U0001F600 é")]
    public void Escape_keeps_printable_text_and_rewrites_the_rest(string text, string expected) =>
        Assert.Equal(expected, PrintableText.Escape(text));

    [Fact]
    public void Escape_rewrites_an_unpaired_surrogate() =>
        Assert.Equal(@"a\uD800b\uDC00", PrintableText.Escape("a\ud800b\udc00"));

    private static void AssertPrintable(string message)
    {
        Assert.DoesNotContain(message, c => char.IsControl(c) || c == '\uFFFD');
    }
}
