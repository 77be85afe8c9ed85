using TopoDsl.Experiments.Definitions;
using TopoDsl.Training.Data;
using TopoDsl.Training.Tensors;

namespace LossLandscapes;

/// <summary>
/// Barannikov et al.'s small-network task: fit g(x) = 0.31 sin(-x) - 0.72 sin(-2x) - 0.21 cos x + 0.89 cos 2x on the
/// 101 points x_k = -pi + 2 pi k / 100. The test set is the 100 midpoints between them.
/// </summary>
public static class TargetFunction
{
    public static double G(double x) => 0.31 * Math.Sin(-x) - 0.72 * Math.Sin(-2 * x) - 0.21 * Math.Cos(x) + 0.89 * Math.Cos(2 * x);

    /// <summary>The same data for every seed: the task has no randomness.</summary>
    public static ExperimentData Samples() => new(
        At(Enumerable.Range(0, 101).Select(k => -Math.PI + 2 * Math.PI * k / 100)),
        At(Enumerable.Range(0, 100).Select(k => -Math.PI + 2 * Math.PI * (k + 0.5) / 100)),
        "g(x) on 101 points of [-pi, pi] (test: the 100 midpoints)");

    private static Dataset At(IEnumerable<double> points)
    {
        var x = points.ToArray();
        return new Dataset(new Tensor(x.Select(v => (float)v).ToArray(), x.Length, 1), new Tensor(x.Select(v => (float)G(v)).ToArray(), x.Length, 1));
    }
}
