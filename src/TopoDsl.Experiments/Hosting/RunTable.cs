using System.Globalization;
using Spectre.Console;
using TopoDsl.Experiments.Results;

namespace TopoDsl.Experiments.Hosting;

/// <summary>The table printed after a run: one row per run with its step size, phase, topology and certificate.</summary>
internal static class RunTable
{
    public static Table Of(ExperimentResults results)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "run", "eta", "eta x K", "Betti", "persistent Betti", "preserved", "certificate", "K_hat" })
            table.AddColumn(new TableColumn(column).NoWrap());
        foreach (var run in results.Runs)
            table.AddRow(Markup.Escape(run.Cell), G(run.Eta), G(run.EtaTimesK), Change(run.Betti), Change(run.PersistentBetti),
                run.Diverged ? $"diverged at {run.DivergedAtStep}" : run.TopologyPreserved ? "yes" : "no",
                Certificate(run.Certificate), run.Certificate.KHat is double k ? G(k) : "-");
        return table;
    }

    /// <summary>"(1,2,0) -> (1,2,0)": the values at the first and last checkpoint.</summary>
    public static string Change<T>(List<StepValues<T>> series) =>
        series.Count == 0 ? "-" : $"({string.Join(",", series[0].Values)}) -> ({string.Join(",", series[^1].Values)})";

    public static string Certificate(CertificateResult c) =>
        !c.Applies ? "n/a" : c.Held == true ? "held" : c.FirstFailure is int s ? $"failed at {s}" : "failed";

    private static string G(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
}
