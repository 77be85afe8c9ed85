using TopoDsl.Training.Data;

namespace TopoDsl.Training.Tests.Data;

/// <summary>
/// A fact that needs the real Fashion-MNIST from Debian's dataset-fashion-mnist. Skipped with a visible reason when
/// it is absent, except in CI (TOPODSL_REQUIRE_ORACLES=1), where it must run.
/// </summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public static bool Installed =>
        File.Exists(Path.Combine(FashionMnist.DefaultFolder, "train-images-idx3-ubyte.gz")) ||
        File.Exists(Path.Combine(FashionMnist.DefaultFolder, "train-images-idx3-ubyte"));

    public FashionMnistFactAttribute()
    {
        if (!Installed && !OracleTools.Required)
            Skip = $"data set missing: install Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) to run this test ({FashionMnist.DefaultFolder})";
    }
}
