using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace TopoDsl.Experiments.Reporting;

/// <summary>
/// Neuron clouds for scatter plots: read from the run's CSV files, and for more than two coordinates projected on the
/// two principal axes of the start cloud (the same axes for the end cloud, so that the two pictures compare).
/// </summary>
internal static class CloudProjection
{
    public static double[][] Read(string path)
    {
        return File.ReadLines(path).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
    }

    /// <summary>The axes to project on: the first two coordinates for 2-D clouds, else the top two principal directions of <paramref name="reference"/>.</summary>
    public static (double[] Mean, double[][] Axes, string Label) AxesOf(double[][] reference)
    {
        int d = reference[0].Length;
        var mean = new double[d];
        if (d <= 2) return (mean, Enumerable.Range(0, d).Select(k => Enumerable.Range(0, d).Select(j => j == k ? 1.0 : 0).ToArray()).ToArray(), "coordinates");
        for (int k = 0; k < d; k++) mean[k] = reference.Average(p => p[k]);
        var centred = Matrix<double>.Build.Dense(reference.Length, d, (i, k) => reference[i][k] - mean[k]);
        var svd = centred.Svd(computeVectors: true);
        var axes = Enumerable.Range(0, 2).Select(k => svd.VT.Row(k).ToArray()).ToArray();
        return (mean, axes, "projection on the start cloud's two principal axes");
    }

    public static (double[] X, double[] Y) Project(double[][] cloud, double[] mean, double[][] axes)
    {
        double Along(double[] p, double[] axis) => p.Select((v, k) => (v - mean[k]) * axis[k]).Sum();
        var x = cloud.Select(p => Along(p, axes[0])).ToArray();
        var y = axes.Length > 1 ? cloud.Select(p => Along(p, axes[1])).ToArray() : new double[cloud.Length];
        return (x, y);
    }
}
