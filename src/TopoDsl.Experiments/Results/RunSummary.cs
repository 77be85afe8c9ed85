using System.Globalization;

namespace TopoDsl.Experiments.Results;

/// <summary>
/// What an experiment's runs say about the theorem, in sentences: per sweep point how many seeds kept their
/// topology and held the certificate, the smallest η K at which the topology changed, and whether the certificate
/// ever failed below η K = 1 (where Theorem 1 promises it).
/// </summary>
public static class RunSummary
{
    /// <summary>The summary lines of <paramref name="results"/>.</summary>
    public static IReadOnlyList<string> Of(ExperimentResults results)
    {
        var lines = new List<string>();
        foreach (var point in results.Runs.GroupBy(r => r.SweepPoint))
        {
            var runs = point.ToList();
            int kept = runs.Count(r => r.TopologyPreserved), held = runs.Count(r => r.Certificate.Held == true), diverged = runs.Count(r => r.Diverged);
            string etaK = string.Join(", ", runs.Select(r => G(r.EtaTimesK)).Distinct());
            string certificate = runs.Any(r => r.Certificate.Applies) ? $", certificate held in {held}/{runs.Count}" : ", certificate does not apply";
            lines.Add($"{(point.Key.Length == 0 ? "all runs" : point.Key)} (eta x K {etaK}): topology kept in {kept}/{runs.Count}{certificate}" +
                      (diverged > 0 ? $", {diverged} diverged" : ""));
        }
        var changed = results.Runs.Where(r => !r.TopologyPreserved).OrderBy(r => r.EtaTimesK).FirstOrDefault();
        lines.Add(changed is null
            ? "the persistent Betti numbers were the same at the end as at the start in every run"
            : $"smallest eta x K at which the topology changed: {G(changed.EtaTimesK)} (run {changed.Cell})");
        var below = results.Runs.Where(r => r.EtaTimesK < 1 && r.Certificate.Applies).ToList();
        if (below.Count > 0)
        {
            var failed = below.Where(r => r.Certificate.Held == false).ToList();
            lines.Add(failed.Count == 0
                ? $"below eta x K = 1 the certificate held in all {below.Count} runs"
                : $"below eta x K = 1 the certificate failed in {failed.Count} of {below.Count} runs ({string.Join(", ", failed.Select(r => $"{r.Cell} at step {r.Certificate.FirstFailure}"))})");
        }
        return lines;
    }

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
