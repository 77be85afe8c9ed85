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
            table.AddRow(Markup.Escape(run.Cell), RunCells.Number(run.Eta), RunCells.Number(run.EtaTimesK), RunCells.Change(run, run.Betti),
                RunCells.Change(run, run.PersistentBetti), RunCells.Preserved(run), RunCells.Certificate(run.Certificate), RunCells.KHat(run));
        return table;
    }
}
