using TopoDsl.Training.Data;

namespace TopoDsl.Training.Tests.Data;

/// <summary>FashionMnist.Load on small data sets written in the same layout as Debian's package.</summary>
public class FashionMnistTests
{
    private const int Pixels = 28 * 28;

    private static string WriteSet(TempFolder folder, string prefix, byte[] pixels, byte[] labels, bool gzip = true,
        int[]? imageDimensions = null)
    {
        string suffix = gzip ? ".gz" : "";
        IdxFiles.Write(folder, $"{prefix}-images-idx3-ubyte{suffix}", Idx.ImagesMagic,
            imageDimensions ?? [pixels.Length / Pixels, 28, 28], pixels, gzip);
        return IdxFiles.Write(folder, $"{prefix}-labels-idx1-ubyte{suffix}", Idx.LabelsMagic, [labels.Length], labels, gzip);
    }

    [Fact]
    public void Pixels_are_scaled_to_0_1_and_labels_kept()
    {
        using var folder = new TempFolder();
        var pixels = IdxFiles.RandomBytes(3 * Pixels, seed: 4);
        pixels[0] = 0;
        pixels[1] = 255;
        WriteSet(folder, "train", pixels, [9, 0, 4]);
        var data = FashionMnist.Load(folder.Path);
        Assert.Equal([3, Pixels], data.Inputs.Shape.ToArray());
        Assert.Equal([9, 0, 4], data.Labels!);
        Assert.Equal(10, data.ClassCount);
        Assert.Equal(pixels.Select(p => p / 255f), data.Inputs.Data, (a, b) => Math.Abs(a - b) <= 1e-7f);
        Assert.Equal((0f, 1f), (data.Inputs.Data[0], data.Inputs.Data[1]));
    }

    [Fact]
    public void Image_shape_and_normalization_options()
    {
        using var folder = new TempFolder();
        var pixels = IdxFiles.RandomBytes(2 * Pixels, seed: 5);
        WriteSet(folder, "t10k", pixels, [1, 2], gzip: false);
        var data = FashionMnist.Load(folder.Path, train: false, imageShape: true, normalize: new Normalization(0.5f, 0.25f));
        Assert.Equal([2, 1, 28, 28], data.Inputs.Shape.ToArray());
        Assert.Equal(pixels.Select(p => (p / 255f - 0.5f) / 0.25f), data.Inputs.Data, (a, b) => Math.Abs(a - b) <= 1e-6f);
        Assert.Throws<ArgumentOutOfRangeException>(() => FashionMnist.Load(folder.Path, train: false, normalize: new Normalization(0, 0)));
    }

    [Fact]
    public void Missing_data_set_says_how_to_install_it()
    {
        using var folder = new TempFolder();
        var absent = Path.Combine(folder.Path, "nowhere");
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(absent));
        Assert.StartsWith($"Fashion-MNIST not found in {absent}: install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) " +
            "or pass the folder holding train-images-idx3-ubyte.gz", e.Message);
    }

    [Fact]
    public void Missing_label_file_is_named()
    {
        using var folder = new TempFolder();
        IdxFiles.Write(folder, "t10k-images-idx3-ubyte.gz", Idx.ImagesMagic, [1, 28, 28], new byte[Pixels], gzip: true);
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(folder.Path, train: false));
        Assert.Contains("t10k-labels-idx1-ubyte[.gz] is missing", e.Message);
    }

    [Fact]
    public void Count_mismatch_names_the_label_file_and_both_counts()
    {
        using var folder = new TempFolder();
        var labels = WriteSet(folder, "train", new byte[3 * Pixels], [1, 2]);
        var e = Assert.Throws<DataFormatException>(() => FashionMnist.Load(folder.Path));
        Assert.Equal(labels, e.File);
        Assert.Contains("2 labels for the 3 images", e.Message);
    }

    [Fact]
    public void Label_outside_0_to_9_is_an_error()
    {
        using var folder = new TempFolder();
        var labels = WriteSet(folder, "train", new byte[2 * Pixels], [3, 10]);
        var e = Assert.Throws<DataFormatException>(() => FashionMnist.Load(folder.Path));
        Assert.Equal(labels, e.File);
        Assert.Contains("label 10 of sample 1", e.Message);
    }

    [Fact]
    public void Images_that_are_not_28_by_28_are_an_error()
    {
        using var folder = new TempFolder();
        WriteSet(folder, "train", new byte[2 * 32 * 32], [0, 1], imageDimensions: [2, 32, 32]);
        var e = Assert.Throws<DataFormatException>(() => FashionMnist.Load(folder.Path));
        Assert.EndsWith("train-images-idx3-ubyte.gz", e.File);
        Assert.Contains("[2, 32, 32], expected [n, 28, 28]", e.Message);
    }

    [Fact]
    public void Truncated_image_file_is_reported_for_that_file()
    {
        using var folder = new TempFolder();
        WriteSet(folder, "train", new byte[2 * Pixels], [0, 1], imageDimensions: [3, 28, 28]);
        var e = Assert.Throws<DataFormatException>(() => FashionMnist.Load(folder.Path));
        Assert.EndsWith("train-images-idx3-ubyte.gz", e.File);
        Assert.Contains("truncated", e.Message);
    }
}
