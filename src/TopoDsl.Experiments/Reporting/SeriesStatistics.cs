using TopoDsl.Experiments.Results;

namespace TopoDsl.Experiments.Reporting;

/// <summary>Mean and population standard deviation over seeds of per-step values, as Yang et al.'s plots show them.</summary>
internal static class SeriesStatistics
{
    /// <summary>For dimension <paramref name="k"/>: the steps all runs share, and the mean and deviation at each.</summary>
    public static (double[] Steps, double[] Mean, double[] Std) Of(IReadOnlyList<List<StepValues<int>>> runs, int k)
    {
        var steps = runs.Select(r => r.Select(v => v.Step)).Aggregate((a, b) => a.Intersect(b)).OrderBy(s => s).ToArray();
        var mean = new double[steps.Length];
        var std = new double[steps.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            var values = runs.Select(r => (double)r.First(v => v.Step == steps[i]).Values[k]).ToArray();
            mean[i] = values.Average();
            std[i] = Math.Sqrt(values.Select(v => (v - mean[i]) * (v - mean[i])).Average());
        }
        return (steps.Select(s => (double)s).ToArray(), mean, std);
    }
}
