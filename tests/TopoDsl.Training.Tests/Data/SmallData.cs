using TopoDsl.Training.Data;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Data;

/// <summary>Data sets whose values name their sample: input row i is (i, 1000 + i), so gathered rows are checkable.</summary>
internal static class SmallData
{
    public static Dataset Regression(int n)
    {
        var inputs = new float[2 * n];
        var targets = new float[n];
        for (int i = 0; i < n; i++)
        {
            inputs[2 * i] = i;
            inputs[2 * i + 1] = 1000 + i;
            targets[i] = -i;
        }
        return new Dataset(new Tensor(inputs, n, 2), new Tensor(targets, n, 1));
    }

    public static Dataset Classification(int n, int classes = 3)
    {
        var regression = Regression(n);
        return new Dataset(regression.Inputs, Enumerable.Range(0, n).Select(i => i % classes).ToArray(), classes);
    }

    /// <summary>The sample a gathered input row came from.</summary>
    public static int SampleOf(Tensor inputs, int row) => (int)inputs.Data[2 * row];
}
