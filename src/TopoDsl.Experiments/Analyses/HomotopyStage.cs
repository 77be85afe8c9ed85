using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;
using TopoDsl.Landscape.Homotopy;
using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Experiments.Analyses;

/// <summary>
/// [HomotopyClasses]: every pair of runs' training paths on the training loss of the first run's data, each pair saved
/// when it is done; then the classes at the declared tolerance, the class count at every tolerance, and the test
/// accuracy within and between classes.
/// </summary>
internal static class HomotopyStage
{
    public static HomotopyClassesResult Run(IReadOnlyList<RunResult> runs, HomotopyAnalysis analysis, TrainedNetworks networks, RunFolders folders,
        IRunObserver observer, CancellationToken cancellation)
    {
        var data = networks.TrainingSamples(runs[0].Seed, analysis.Samples);
        var surface = new NetworkLossSurface(networks.NewNetwork(), data);
        // Each path is read, resampled and measured once; only its samples are kept for the pairs.
        var files = runs.Select(r => networks.PathFiles(r, analysis.From)).ToList();
        long kept = (long)runs.Count * analysis.Grid.PathSamples + files.Max(f => f.Count);
        StorageBudget.InMemory(kept * surface.Dimension * sizeof(double), $"homotopy classes: {kept} path points of {surface.Dimension} parameters");
        var paths = new List<PreparedPath>();
        for (int k = 0; k < runs.Count; k++)
        {
            if (files[k].Count < 2)
                throw new ExperimentException($"{runs[k].Cell}: {files[k].Count} training-path point(s) from {analysis.From.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)} of the run on; the homotopy test needs at least two (a start and an end)");
            var points = files[k].Select(file => ParameterFile.ReadPoint(file, surface.Dimension)).ToList();
            paths.Add(PathHomotopy.Prepare(surface, points, analysis.Grid, runs[k].Cell));
        }
        var pathPoints = files.Select(f => f.Count).ToArray();
        int count = runs.Count, pairs = count * (count - 1) / 2, done = 0;
        var barriers = new double[count, count];
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++)
            {
                string file = folders.HomotopyPair(runs[i].Cell, runs[j].Cell);
                var pair = PairFiles.Read<SavedHomotopyPair>(file);
                if (pair is null)
                {
                    var test = PathHomotopy.Compare(surface, paths[i], paths[j], analysis.Grid, cancellation);
                    pair = new SavedHomotopyPair(runs[i].Cell, runs[j].Cell, test.FirstPathHighest, test.SecondPathHighest, test.HomotopyHighest, test.AtPathFraction, test.AtBlend);
                    PairFiles.Write(file, pair);
                }
                double barrier = new HomotopyResult(pair.FirstPathHighest, pair.SecondPathHighest, pair.HomotopyHighest, pair.AtPathFraction, pair.AtBlend).Barrier;
                // A loss that is not finite on the way (infinity minus infinity when a path itself has one) blocks it: never joined.
                barriers[i, j] = barriers[j, i] = double.IsNaN(barrier) ? double.PositiveInfinity : barrier;
                observer.AnalysisProgress("homotopy", "", ++done, pairs, $"{runs[i].Cell} ~ {runs[j].Cell}: barrier {RunCells.Number(barriers[i, j])}");
            }
        var classes = HomotopyClasses.Of(barriers, analysis.Tolerance);
        var result = new HomotopyClassesResult
        {
            Cells = runs.Select(r => r.Cell).ToList(),
            Samples = data.Count,
            PathPoints = pathPoints,
            Barriers = Enumerable.Range(0, count).Select(i => Enumerable.Range(0, count).Select(j => barriers[i, j]).ToArray()).ToArray(),
            Tolerance = analysis.Tolerance,
            From = analysis.From,
            Classes = classes,
            ClassesByTolerance = ClassesByTolerance(barriers),
        };
        if (runs.All(r => r.TestAccuracy is not null)) AddAccuracy(result, runs);
        return result;
    }

    // The class count changes only at the barriers' values: a row at each finite barrier where it changes. Below the
    // lowest barrier every run is its own class.
    private static double[][] ClassesByTolerance(double[,] barriers)
    {
        int count = barriers.GetLength(0);
        var levels = new SortedSet<double>();
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++)
                if (double.IsFinite(barriers[i, j])) levels.Add(barriers[i, j]);
        var rows = new List<double[]>();
        int last = -1;
        foreach (double level in levels)
        {
            int classes = HomotopyClasses.Of(barriers, level).Max() + 1;
            if (classes != last) rows.Add([level, classes]);
            last = classes;
        }
        return [.. rows];
    }

    private static void AddAccuracy(HomotopyClassesResult result, IReadOnlyList<RunResult> runs)
    {
        result.Accuracy = runs.Select((run, k) => (Class: result.Classes[k], Accuracy: run.TestAccuracy!.Value)).GroupBy(r => r.Class).OrderBy(g => g.Key)
            .Select(g => new ClassAccuracy(g.Key, g.Count(), g.Average(r => r.Accuracy), g.Max(r => r.Accuracy) - g.Min(r => r.Accuracy))).ToList();
        result.WithinClassSpread = result.Accuracy.Max(c => c.Spread);
        result.BetweenClassSpread = result.Accuracy.Max(c => c.Mean) - result.Accuracy.Min(c => c.Mean);
    }
}
