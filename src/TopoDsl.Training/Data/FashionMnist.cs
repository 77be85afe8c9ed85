using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017) from its four IDX files, as installed by Debian's
/// dataset-fashion-mnist: 60,000 training and 10,000 test images of 28 × 28 grey pixels in 10 classes.
/// </summary>
public static class FashionMnist
{
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";
    public const int ClassCount = 10;
    public const int Side = 28;
    public const int Pixels = Side * Side;

    public static readonly IReadOnlyList<string> ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Mean and standard deviation of every pixel of the training images scaled to [0, 1].</summary>
    public static readonly Normalization TrainStatistics = new(0.2860406f, 0.3530242f);

    /// <summary>
    /// The training (or test) set: images as floats in [0, 1] (then standardised when <paramref name="normalize"/> is
    /// given), shaped [n, 784], or [n, 1, 28, 28] with <paramref name="imageShape"/>; labels 0..9.
    /// Files may be gzip-compressed (name.gz) or plain (name).
    /// </summary>
    public static Dataset Load(string folder = DefaultFolder, bool train = true, bool imageShape = false, Normalization? normalize = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (normalize is { Std: var std } && !(std > 0))
            throw new ArgumentOutOfRangeException(nameof(normalize), std, "the normalization standard deviation must be positive");
        string prefix = train ? "train" : "t10k";
        string imagesPath = Locate(folder, $"{prefix}-images-idx3-ubyte", prefix);
        string labelsPath = Locate(folder, $"{prefix}-labels-idx1-ubyte", prefix);

        var images = Idx.ReadImages(imagesPath);
        var labels = Idx.ReadLabels(labelsPath);
        int n = CheckShapes(images, labels);

        var pixels = ToFloats(images.Values, normalize);
        var inputs = imageShape ? new Tensor(pixels, n, 1, Side, Side) : new Tensor(pixels, n, Pixels);
        return new Dataset(inputs, ToLabels(labels), ClassCount);
    }

    private static string Locate(string folder, string name, string prefix)
    {
        foreach (var candidate in new[] { name + ".gz", name })
        {
            var path = Path.Combine(folder, candidate);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(
            $"Fashion-MNIST not found in {folder}: install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) " +
            $"or pass the folder holding {prefix}-images-idx3-ubyte.gz and {prefix}-labels-idx1-ubyte.gz " +
            $"(gzip-compressed or plain); {name}[.gz] is missing",
            Path.Combine(folder, name + ".gz"));
    }

    private static int CheckShapes(IdxArray images, IdxArray labels)
    {
        var dims = images.Dimensions;
        if (dims.Length != 3 || dims[1] != Side || dims[2] != Side)
            throw new DataFormatException(images.File, $"images are [{string.Join(", ", dims)}], expected [n, {Side}, {Side}]");
        if (labels.Dimensions.Length != 1)
            throw new DataFormatException(labels.File, $"labels are [{string.Join(", ", labels.Dimensions)}], expected [n]");
        if (labels.Dimensions[0] != dims[0])
            throw new DataFormatException(labels.File, $"{labels.Dimensions[0]} labels for the {dims[0]} images of {images.File}");
        return dims[0];
    }

    // A 256-entry table turns the per-pixel scaling (and standardisation) into one lookup, computed in double once.
    private static float[] ToFloats(byte[] values, Normalization? normalize)
    {
        Span<float> table = stackalloc float[256];
        for (int b = 0; b < 256; b++)
        {
            double x = b / 255.0;
            table[b] = normalize is Normalization norm ? (float)((x - norm.Mean) / norm.Std) : (float)x;
        }
        var floats = new float[values.Length];
        for (int i = 0; i < values.Length; i++) floats[i] = table[values[i]];
        return floats;
    }

    private static int[] ToLabels(IdxArray labels)
    {
        var result = new int[labels.Values.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = labels.Values[i];
            if (result[i] >= ClassCount)
                throw new DataFormatException(labels.File, $"label {result[i]} of sample {i} is not a class 0..{ClassCount - 1}");
        }
        return result;
    }
}
