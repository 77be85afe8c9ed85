using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;
using TopoDsl.Landscape.Minima;
using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Experiments.Analyses;

/// <summary>
/// [MinimaBarcode] for one sweep point: its runs' trained networks are the minima, on the training loss of the first
/// run's data. A pair the exploration chooses is read from its saved file when there is one, so a resumed or extended
/// exploration (more seeds, fewer) connects exactly the pairs a fresh one would.
/// </summary>
internal static class MinimaStage
{
    public static MinimaResult Run(string sweepPoint, IReadOnlyList<RunResult> runs, MinimaAnalysis analysis, TrainedNetworks networks, RunFolders folders,
        IRunObserver observer, CancellationToken cancellation)
    {
        var data = networks.TrainingSamples(runs[0].Seed, analysis.Samples);
        var surface = new NetworkLossSurface(networks.NewNetwork(), data);
        var minima = runs.Select(r => networks.Point(r, surface.Dimension)).ToList();
        int count = runs.Count, pairs = count * (count - 1) / 2;
        string item = sweepPoint.Length == 0 ? "all runs" : sweepPoint;
        var used = new Dictionary<(int, int), SavedMinimaPair>();
        string File(int i, int j) => folders.MinimaPair(sweepPoint, runs[i].Cell, runs[j].Cell);

        double? Saved(int first, int second)
        {
            var (i, j) = (Math.Min(first, second), Math.Max(first, second));
            if (PairFiles.Read<SavedMinimaPair>(File(i, j)) is not { } pair) return null;
            used[(i, j)] = pair;
            return pair.Barrier;
        }

        void Connected(ConnectedPair connected)
        {
            var (i, j) = (Math.Min(connected.First, connected.Second), Math.Max(connected.First, connected.Second));
            var path = connected.Path;
            // Saved from the lower-numbered run to the other, whichever way AutoNEB went; the ends are the minima themselves.
            var profile = connected.First == i ? path.Profile : path.Profile.Reverse().Select(p => p with { Position = 1 - p.Position }).ToList();
            double barrier = Math.Max(path.Barrier, Math.Max(path.ImageLosses[0], path.ImageLosses[^1]));
            var pair = new SavedMinimaPair(runs[i].Cell, runs[j].Cell, barrier, path.Images.Count,
                profile.Select(p => p.Position).ToArray(), profile.Select(p => p.Loss).ToArray());
            PairFiles.Write(File(i, j), pair);
            used[(i, j)] = pair;
            observer.AnalysisProgress("minima", item, used.Count, pairs, $"{runs[i].Cell} ~ {runs[j].Cell}: barrier {RunCells.Number(pair.Barrier)}");
        }

        var result = MinimaExploration.Explore(surface, minima, analysis.AutoNeb, analysis.MaxPairs, Saved, Connected, cancellation);
        // The exploration stops before trying every pair: the last report closes the display's count.
        observer.AnalysisProgress("minima", item, pairs, pairs, $"{used.Count} of {pairs} pairs connected");

        var barcode = result.Barcode;
        var scores = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var norm in new[] { SegmentNorm.L2, SegmentNorm.L1, SegmentNorm.Max })
        {
            scores[norm.ToString()] = barcode.Score(norm);
            if (barcode.LossRange > 0) scores[$"{norm}/range"] = barcode.Score(norm, normalised: true);
        }
        return new MinimaResult
        {
            SweepPoint = sweepPoint,
            Cells = runs.Select(r => r.Cell).ToList(),
            Samples = data.Count,
            Losses = [.. result.Losses],
            Barriers = Enumerable.Range(0, count).Select(i => Enumerable.Range(0, count).Select(j => i == j ? result.Losses[i] : result.Barriers[i, j]).ToArray()).ToArray(),
            Paths = used.OrderBy(p => p.Key).Select(p => new MinimaPath
            {
                First = p.Key.Item1, Second = p.Key.Item2, Barrier = p.Value.Barrier, Images = p.Value.Images, Positions = p.Value.Positions, ProfileLosses = p.Value.Losses,
            }).ToList(),
            Segments = barcode.Segments.Select(s => new MinimaSegment(s.Minimum, s.Loss, s.Saddle, s.EscapesTo, s.Length)).ToList(),
            GroupMinima = [.. barcode.Persistence.ComponentMinima],
            LossRange = barcode.LossRange,
            Scores = scores,
        };
    }
}
