using TopoDsl.Training.Data;

namespace TopoDsl.Training.Tests.Data;

/// <summary>The installed Fashion-MNIST: sizes and balanced classes as published by Xiao et al.</summary>
public class RealFashionMnistTests
{
    [FashionMnistFact]
    public void Training_set_is_60000_images_of_784_pixels_6000_per_class()
    {
        var train = FashionMnist.Load();
        Assert.Equal([60000, 784], train.Inputs.Shape.ToArray());
        Assert.Equal(10, train.ClassCount);
        Assert.All(train.Labels!.CountBy(l => l), c => Assert.Equal(6000, c.Value));
        Assert.Equal(10, train.Labels!.Distinct().Count());
        Assert.Equal(0f, train.Inputs.Data.Min());
        Assert.Equal(1f, train.Inputs.Data.Max());
    }

    [FashionMnistFact]
    public void Test_set_is_10000_images_1000_per_class()
    {
        var test = FashionMnist.Load(train: false, imageShape: true);
        Assert.Equal([10000, 1, 28, 28], test.Inputs.Shape.ToArray());
        Assert.All(test.Labels!.CountBy(l => l), c => Assert.Equal(1000, c.Value));
    }

    [FashionMnistFact]
    public void Published_training_statistics_match_the_data_and_standardise_it()
    {
        var pixels = FashionMnist.Load().Inputs.Data;
        double mean = pixels.Average(p => (double)p);
        double std = Math.Sqrt(pixels.Average(p => (p - mean) * (p - mean)));
        Assert.Equal(mean, FashionMnist.TrainStatistics.Mean, 1e-6);
        Assert.Equal(std, FashionMnist.TrainStatistics.Std, 1e-6);

        var standardised = FashionMnist.Load(normalize: FashionMnist.TrainStatistics).Inputs.Data;
        double newMean = standardised.Average(p => (double)p);
        double newVariance = standardised.Average(p => (p - newMean) * (p - newMean));
        Assert.Equal(0, newMean, 1e-5);
        Assert.Equal(1, newVariance, 1e-5);
    }
}
