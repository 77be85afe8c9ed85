using FsCheck.Xunit;
using TopoDsl.Training.Losses;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Losses;

public class LossValueTests
{
    [Property(MaxTest = 200)]
    public void The_numeric_loss_equals_the_tensor_loss_to_float_rounding(int seed, byte rowsCode, byte classesCode, bool labelled)
    {
        var rng = new Random(seed);
        int rows = rowsCode % 40 + 1, classes = classesCode % 12 + 1;
        var prediction = new Tensor(Enumerable.Range(0, rows * classes).Select(_ => (float)(rng.NextDouble() * 20 - 10)).ToArray(), rows, classes);
        var targets = new Tensor(Enumerable.Range(0, rows * classes).Select(_ => (float)rng.NextDouble()).ToArray(), rows, classes);
        var labels = labelled ? Enumerable.Range(0, rows).Select(_ => rng.Next(classes)).ToArray() : null;

        double value = Loss.MeanValue(prediction, targets, labels);
        double tensor = Loss.For(prediction, targets, labels).ToScalar();

        Assert.True(Math.Abs(value - tensor) <= 1e-5 * Math.Max(1, Math.Abs(tensor)), $"{value} against {tensor}");
    }

    [Fact]
    public void A_label_outside_the_classes_is_refused_with_its_row()
    {
        var logits = new Tensor(new float[6], 2, 3);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Loss.MeanValue(logits, logits, [0, 3]));

        Assert.Contains("label 3 at row 1 is outside [0, 3)", error.Message);
    }
}
