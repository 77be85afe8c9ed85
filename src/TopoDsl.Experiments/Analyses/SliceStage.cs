using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;
using TopoDsl.Homology.Sublevel;
using TopoDsl.Landscape.Slices;
using TopoDsl.Training.Data;
using TopoDsl.Training.Modules;

namespace TopoDsl.Experiments.Analyses;

/// <summary>
/// [LossSlice] for one run: the grid is computed a block of rows at a time, each block saved as it is done, so that an
/// interrupted slice continues at the first missing block with the same numbers.
/// </summary>
internal static class SliceStage
{
    // Far from the training's random streams (SeedStreams.Derive(seed, 1..5), and 5 + k for tracked layer k).
    private const ulong FirstDirectionStream = 0x5_11CE_0001, SecondDirectionStream = 0x5_11CE_0002;

    // Each block repeats the first layer's three products (LossSlicer.ComputeRows), so blocks are few: six per slice.
    private const int Blocks = 6;

    /// <summary>The run's two filter-normalised directions, drawn from its seed.</summary>
    public static (float[][] First, float[][] Second) Directions(Module model, ulong seed) =>
        (FilterNormalizedDirection.Draw(model, SeedStreams.Derive(seed, FirstDirectionStream)), FilterNormalizedDirection.Draw(model, SeedStreams.Derive(seed, SecondDirectionStream)));

    /// <summary>The grid of <paramref name="analysis"/>.</summary>
    public static SliceOptions Options(SliceAnalysis analysis) =>
        new() { Resolution = analysis.Resolution, AlphaRange = (-analysis.Span, analysis.Span), BetaRange = (-analysis.Span, analysis.Span) };

    public static SliceResult Run(RunResult run, SliceAnalysis analysis, TrainedNetworks networks, RunFolders folders, IRunObserver observer, CancellationToken cancellation)
    {
        var model = networks.Trained(run);
        var data = networks.TrainingSamples(run.Seed, analysis.Samples);
        var (first, second) = Directions(model, run.Seed);
        var options = Options(analysis);
        int n = analysis.Resolution, block = (n + Blocks - 1) / Blocks;
        var losses = new double[n * n];
        for (int from = 0; from < n; from += block)
        {
            int to = Math.Min(n, from + block);
            string path = folders.SliceRows(run.Cell, from);
            var rows = File.Exists(path) ? RowFile.Read(path, (to - from) * n) : null;
            if (rows is null)
            {
                rows = LossSlicer.ComputeRows(model, data, first, second, options, from, to, cancellation: cancellation);
                RowFile.Write(path, rows);
            }
            rows.CopyTo(losses, from * n);
            observer.AnalysisProgress("slice", run.Cell, to, n, "");
        }
        for (int k = 0; k < losses.Length; k++)
            if (!double.IsFinite(losses[k]))
                throw new ArithmeticException(FormattableString.Invariant(
                    $"the loss is {losses[k]} at row {k / n}, column {k % n} (alpha {options.AlphaRange.Low + 2 * analysis.Span * (k % n) / (n - 1):G4}, beta {options.BetaRange.Low + 2 * analysis.Span * (k / n) / (n - 1):G4}); a smaller [LossSlice(Span = ...)] stays where it is finite"));
        var slice = LossSlicer.Assemble(options, losses);
        var persistence = slice.Persistence();
        GridPoint At(int vertex) => new(vertex / n, vertex % n, losses[vertex]);
        return new SliceResult
        {
            Cell = run.Cell,
            Resolution = n,
            Span = analysis.Span,
            Samples = data.Count,
            Losses = Enumerable.Range(0, n).Select(r => losses[(r * n)..((r + 1) * n)]).ToArray(),
            Minima = persistence.Minima.Select(At).ToList(),
            Saddles = persistence.Saddles.Select(At).ToList(),
            Bars = persistence.FiniteBars.Select(b => new[] { b.Birth, b.Death }).ToArray(),
            TotalPersistence = Homology.Diagrams.TotalPersistence.Compute(persistence.FiniteBars.ToList(), 1),
        };
    }
}
