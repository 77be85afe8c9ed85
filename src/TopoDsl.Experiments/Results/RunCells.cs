using System.Globalization;

namespace TopoDsl.Experiments.Results;

/// <summary>How a run's values read in a table, the same on the terminal and in the report.</summary>
internal static class RunCells
{
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"(1,2,0)": the values at one checkpoint, "-" before any.</summary>
    public static string At<T>(List<StepValues<T>> series, Index checkpoint) =>
        series.Count == 0 ? "-" : $"({string.Join(",", series[checkpoint].Values)})";

    /// <summary>
    /// "(1,2,0)": the values at a run's last checkpoint. A run that diverged ended before its last scheduled checkpoint, so
    /// its last values are named by their step: "(1,2,0) at step 120".
    /// </summary>
    public static string Last<T>(RunResult run, List<StepValues<T>> series) =>
        run.Diverged && series.Count > 0 ? $"{At(series, ^1)} at step {series[^1].Step}" : At(series, ^1);

    /// <summary>"(1,2,0) -> (1,2,0)": the values at the first and last checkpoint (see <see cref="Last"/>).</summary>
    public static string Change<T>(RunResult run, List<StepValues<T>> series) => series.Count == 0 ? "-" : $"{At(series, 0)} -> {Last(run, series)}";

    public static string Preserved(RunResult run) => run.Diverged ? $"diverged at {run.DivergedAtStep}" : run.TopologyPreserved ? "yes" : "no";

    public static string Certificate(CertificateResult c) =>
        !c.Applies ? "n/a" : c.Held == true ? "held" : c.FirstFailure is int s ? $"failed at {s}" : "failed";

    public static string KHat(RunResult run) => run.Certificate.KHat is double k ? Number(k) : "-";
}
