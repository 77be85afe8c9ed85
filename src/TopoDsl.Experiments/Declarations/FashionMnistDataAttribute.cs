namespace TopoDsl.Experiments;

/// <summary>
/// Fashion-MNIST as flat 784-pixel rows normalised by the training set's mean and deviation, with its 60,000 training
/// and 10,000 test images (Debian's <c>dataset-fashion-mnist</c> installs them in the default folder).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FashionMnistDataAttribute : Attribute
{
    /// <summary>The folder holding the IDX files (default /usr/share/datasets/fashion-mnist).</summary>
    public string Folder { get; set; } = Training.Data.FashionMnist.DefaultFolder;

    /// <summary>Train on the first this many training images (0 = all).</summary>
    public int TrainSamples { get; set; }

    /// <summary>Test on the first this many test images (0 = all).</summary>
    public int TestSamples { get; set; }
}
