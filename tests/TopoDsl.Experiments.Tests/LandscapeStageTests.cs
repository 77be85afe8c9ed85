using TopoDsl.Experiments.Analyses;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Reporting;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;
using TopoDsl.Landscape.Homotopy;
using TopoDsl.Landscape.Slices;
using TopoDsl.Landscape.Statistics;
using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// The landscape analyses after an experiment's runs: each result agrees with the library computed again on the saved
/// networks, a stopped analysis resumes without repeating a saved unit and ends with the same files, and runs that
/// cannot take part are named.
/// </summary>
public sealed class LandscapeStageTests
{
    [Fact]
    public void Every_analysis_agrees_with_the_library_computed_again_on_the_saved_networks()
    {
        using var folder = new TempFolder();
        var experiment = new ResolvedExperiment(TinyLandscape.Definition(), quick: false);
        var results = ExperimentRunner.Run(experiment, folder.Path, threads: 1, RunObservers.None);
        var landscape = results.Landscape!;
        var networks = new TrainedNetworks(experiment, new RunFolders(folder.Path));
        var data = networks.TrainingSamples(0, 0);
        var analyses = experiment.Definition.Landscape;

        Assert.Empty(landscape.Excluded);
        Assert.Equal(results.Runs.Select(r => r.Cell), landscape.Slices.Select(s => s.Cell));
        foreach (var (run, slice) in results.Runs.Zip(landscape.Slices))
        {
            var model = networks.Trained(run);
            var (first, second) = SliceStage.Directions(model, run.Seed);
            var whole = LossSlicer.Compute(model, data, first, second, SliceStage.Options(analyses.Slice!));
            Assert.Equal(whole.Losses, slice.Losses.SelectMany(row => row)); // saved block by block, the same floats as in one call
            foreach (var minimum in slice.Minima) Assert.True(IsLocalMinimum(slice.Losses, minimum.Row, minimum.Column), $"{run.Cell}: ({minimum.Row}, {minimum.Column})");
            Assert.Equal(slice.Bars.Sum(b => b[1] - b[0]), slice.TotalPersistence, 1e-12);
        }

        Assert.Equal(["lr=0.05", "lr=0.2"], landscape.Minima.Select(m => m.SweepPoint));
        foreach (var minima in landscape.Minima)
        {
            var surface = new NetworkLossSurface(networks.NewNetwork(), data);
            var runs = results.Runs.Where(r => r.SweepPoint == minima.SweepPoint).ToList();
            Assert.Equal(runs.Select(r => r.Cell), minima.Cells);
            Assert.Equal(runs.Select(r => surface.Loss(networks.Point(r, surface.Dimension))), minima.Losses);
            foreach (var path in minima.Paths)
            {
                Assert.True(path.First < path.Second);
                Assert.Equal(minima.Losses[path.First], path.ProfileLosses[0]); // from the first minimum...
                Assert.Equal(minima.Losses[path.Second], path.ProfileLosses[^1]); // ...to the second
                Assert.Equal((0.0, 1.0), (path.Positions[0], path.Positions[^1]));
                Assert.True(path.Positions.Zip(path.Positions.Skip(1)).All(p => p.First < p.Second), "positions rise along the path");
                Assert.Equal(path.Barrier, minima.Barriers[path.First][path.Second]);
                Assert.Equal(Math.Max(path.ProfileLosses.Max(), Math.Max(minima.Losses[path.First], minima.Losses[path.Second])), path.Barrier);
            }
            AssertSegmentsAreMinimaxEscapes(minima);
            Assert.Equal(Math.Sqrt(minima.Segments.Sum(s => s.Length * s.Length)), minima.Scores["L2"], 1e-12);
        }

        var homotopy = landscape.Homotopy!;
        Assert.Equal(results.Runs.Select(r => r.Cell), homotopy.Cells);
        Assert.All(homotopy.PathPoints, count => Assert.Equal(3, count)); // steps 30, 45 and 60 of 60, recorded every 15
        var pathSurface = new NetworkLossSurface(networks.NewNetwork(), data);
        List<double[]> PathOf(RunResult run) => networks.PathFiles(run, 0.5).Select(f => ParameterFile.ReadPoint(f, pathSurface.Dimension)).ToList();
        var again = PathHomotopy.Compare(pathSurface, PathOf(results.Runs[0]), PathOf(results.Runs[4]),
            analyses.Homotopy!.Grid);
        Assert.Equal(again.Barrier, homotopy.Barriers[0][4]);
        Assert.Equal(HomotopyClasses.Of(ToMatrix(homotopy.Barriers), 0), homotopy.Classes);

        var fit = Assert.Single(landscape.Fits); // regression data: a loss gap, no accuracy gap
        var line = LinearFit.Of(landscape.Slices.Select(s => s.TotalPersistence).ToList(), results.Runs.Select(r => r.TestLoss - r.TrainLoss).ToList(), 0.9);
        Assert.Equal((line.Slope, line.Intercept, line.RSquared, line.SlopeLow, line.SlopeHigh), (fit.Slope, fit.Intercept, fit.RSquared, fit.SlopeLow, fit.SlopeHigh));
    }

    [Theory]
    [InlineData("training", 20)]
    [InlineData("slice", 1)]
    [InlineData("slice", 9)]
    [InlineData("minima", 1)]
    [InlineData("homotopy", 4)]
    public void A_stopped_experiment_resumes_without_repeating_a_saved_unit_and_ends_with_the_same_files(string stage, int after)
    {
        using var whole = new TempFolder();
        using var resumed = new TempFolder();
        var experiment = new ResolvedExperiment(TinyLandscape.Definition(), quick: false);
        ExperimentRunner.Run(experiment, whole.Path, 1, RunObservers.None);

        using (var stop = new CancellationTokenSource())
            Assert.ThrowsAny<OperationCanceledException>(() => ExperimentRunner.Run(experiment, resumed.Path, 1, new StopAfter(stage, after, stop), stop.Token));
        var saved = AnalysisFiles(resumed.Path).ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(resumed.Path, f)));
        Assert.Equal(stage == "training", saved.Count == 0);
        // What a process killed in the middle of atomic writes leaves: their temporary files, where it was writing.
        string[] writing = stage == "training"
            ? ["", "runs/lr=0.05_seed=2", "clouds/lr=0.05_seed=2", "curves/lr=0.05_seed=2", "paths/lr=0.05_seed=2"]
            : ["", "analyses/slices/lr=0.05_seed=0", "analyses/minima", "analyses/homotopy"];
        foreach (var folder in writing)
        {
            Directory.CreateDirectory(Path.Combine(resumed.Path, folder));
            File.WriteAllText(Path.Combine(resumed.Path, folder, $".half-written.csv.{Guid.NewGuid():N}.tmp"), "half");
        }
        ExperimentRunner.Run(experiment, resumed.Path, 1, RunObservers.None);
        Assert.Empty(Directory.GetFiles(resumed.Path, "*.tmp", SearchOption.AllDirectories));

        foreach (var (file, written) in saved) Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(resumed.Path, file))); // kept, not computed again
        var files = LandscapeFiles(whole.Path);
        Assert.Contains(files, f => f.StartsWith("paths", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("parameters.bin", StringComparison.Ordinal));
        Assert.Equal(files, LandscapeFiles(resumed.Path));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(whole.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(resumed.Path, file))), $"{file} differs");
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    public void A_folder_extended_or_cut_with_seeds_gives_the_barcode_of_a_fresh_one(int before, int after)
    {
        // A budget of two pairs for three minima: which pairs are chosen must not depend on the pairs saved before.
        var definition = TinyLandscape.Definition(stepSizes: [0.05]) with
        {
            Landscape = new LandscapeAnalyses { Minima = TinyLandscape.Definition().Landscape.Minima! with { MaxPairs = 2 } },
        };
        using var fresh = new TempFolder();
        using var changed = new TempFolder();
        var results = ExperimentRunner.Run(new ResolvedExperiment(definition, quick: false, seeds: after), fresh.Path, 1, RunObservers.None);
        ExperimentRunner.Run(new ResolvedExperiment(definition, quick: false, seeds: before), changed.Path, 1, RunObservers.None);
        ExperimentRunner.Run(new ResolvedExperiment(definition, quick: false, seeds: after), changed.Path, 1, RunObservers.None);

        Assert.Equal(Math.Min(2, after * (after - 1) / 2), results.Landscape!.Minima[0].Paths.Count);
        Assert.Equal(File.ReadAllText(Path.Combine(fresh.Path, "results.json")), File.ReadAllText(Path.Combine(changed.Path, "results.json")));
    }

    [Fact]
    public void Results_and_saved_units_do_not_depend_on_the_locale_and_new_analysis_settings_start_the_analysis_again()
    {
        using var invariant = new TempFolder();
        using var comma = new TempFolder();
        var experiment = new ResolvedExperiment(TinyLandscape.Definition(stepSizes: [0.05]), quick: false);
        var expected = ExperimentRunner.Run(experiment, invariant.Path, 1, RunObservers.None);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // Globalization-invariant mode knows no named culture: a clone with comma decimals and its own percent sign.
            var commaDecimals = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            commaDecimals.NumberFormat.NumberDecimalSeparator = ",";
            commaDecimals.NumberFormat.PercentDecimalSeparator = ",";
            commaDecimals.NumberFormat.PercentSymbol = "pct";
            System.Globalization.CultureInfo.CurrentCulture = commaDecimals;
            var results = ExperimentRunner.Run(experiment, comma.Path, 1, RunObservers.None);
            Assert.Equal(LandscapeSummary.Of(expected.Landscape), LandscapeSummary.Of(results.Landscape));
            var saved = AnalysisFiles(comma.Path).ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(comma.Path, f)));
            ExperimentRunner.Run(experiment, comma.Path, 1, RunObservers.None); // a second invocation under the same locale keeps them all
            foreach (var (file, written) in saved) Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(comma.Path, file)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
        foreach (var file in LandscapeFiles(invariant.Path))
            Assert.True(File.ReadAllBytes(Path.Combine(invariant.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(comma.Path, file))), $"{file} differs");

        // Other slice settings: the runs are kept, the slices computed again with the new grid.
        var wider = experiment.Definition with { Landscape = experiment.Definition.Landscape with { Slice = new SliceAnalysis(5, 1.5, 0) } };
        var again = ExperimentRunner.Run(new ResolvedExperiment(wider, quick: false), invariant.Path, 1, RunObservers.None);
        Assert.All(again.Landscape!.Slices, slice => Assert.Equal(5, slice.Losses.Length));
        // Blocks of one 5-point row each; the 7 x 7 grid's blocks of two rows (14 values) are gone.
        Assert.All(Directory.GetFiles(Path.Combine(invariant.Path, "analyses", "slices"), "rows*.bin", SearchOption.AllDirectories),
            file => Assert.Equal(8 * 5, new FileInfo(file).Length));
    }

    [Fact]
    public void Runs_from_a_shared_initialisation_start_at_one_point_and_runs_from_their_own_seeds_do_not()
    {
        foreach (bool shared in new[] { true, false })
        {
            using var folder = new TempFolder();
            var experiment = new ResolvedExperiment(TinyLandscape.Definition(stepSizes: [0.05], shared: shared) with { Landscape = new LandscapeAnalyses
            {
                Homotopy = new HomotopyAnalysis(15, 0, new Landscape.Homotopy.HomotopyOptions { PathSamples = 3, BlendSteps = 2 }, 0),
            } }, quick: false);
            var results = ExperimentRunner.Run(experiment, folder.Path, 1, RunObservers.None);
            var folders = new RunFolders(folder.Path);
            var starts = results.Runs.Select(r => File.ReadAllBytes(folders.PathPoint(r.Cell, 0))).ToList();
            var ends = results.Runs.Select(r => File.ReadAllBytes(folders.PathPoint(r.Cell, 60))).ToList();
            Assert.Equal(shared, starts.Skip(1).All(s => s.AsSpan().SequenceEqual(starts[0])));
            Assert.DoesNotContain(ends.Skip(1), e => e.AsSpan().SequenceEqual(ends[0])); // the seeds' batches still differ
        }
    }

    [Fact]
    public void Diverged_runs_are_left_out_by_name_and_a_sweep_point_left_without_two_minima_is_noted()
    {
        using var folder = new TempFolder();
        var experiment = new ResolvedExperiment(TinyLandscape.Definition(stepSizes: [0.05, 1e30]), quick: false);
        var results = ExperimentRunner.Run(experiment, folder.Path, 1, RunObservers.None);
        var landscape = results.Landscape!;

        Assert.All(results.Runs.Where(r => r.SweepPoint == "lr=1E+30"), r => Assert.True(r.Diverged));
        Assert.Equal(3, landscape.Excluded.Count);
        Assert.All(landscape.Excluded, e => Assert.Matches(@"^lr=1E\+30_seed=\d: diverged at step \d+", e));
        Assert.Equal("lr=0.05", Assert.Single(landscape.Minima).SweepPoint);
        Assert.Contains("barcode of minima of lr=1E+30: 0 finished runs; it needs at least two minima", landscape.Notes);
        Assert.Equal(3, landscape.Slices.Count);
        Assert.Equal(3, landscape.Homotopy!.Cells.Count);
    }

    [Fact]
    public void The_report_draws_every_landscape_figure_and_says_what_each_analysis_found()
    {
        using var folder = new TempFolder();
        var experiment = new ResolvedExperiment(TinyLandscape.Definition(), quick: false);
        var results = ExperimentRunner.Run(experiment, folder.Path, 1, RunObservers.None);
        var folders = new RunFolders(folder.Path);
        HtmlReport.Write(folders.Report, results, folders);
        string html = File.ReadAllText(folders.Report);
        string section = html[html.IndexOf("<h2>Loss landscape</h2>", StringComparison.Ordinal)..];

        // Per sweep point: barcode, profiles, barrier matrix (2 x 3); homotopy: matrix and classes; one fit; six slices.
        Assert.Equal(2 * 3 + 2 + 1 + 6, CountOf(section, "<figure>"));
        foreach (string line in LandscapeSummary.Of(results.Landscape))
            Assert.Contains(System.Net.WebUtility.HtmlEncode(line), section);
        Assert.Contains("barcode of minima (lr=0.05)", section);
    }

    [Fact]
    public void Paths_that_cannot_fit_are_refused_before_any_is_written_or_read()
    {
        using var folder = new TempFolder();
        var disk = Assert.Throws<ExperimentException>(() => StorageBudget.OnDisk(folder.Path, long.MaxValue, "seed=0: the training path's points"));
        Assert.StartsWith("seed=0: the training path's points need ", disk.Message);
        Assert.Contains($"and {folder.Path} has ", disk.Message);
        var memory = Assert.Throws<ExperimentException>(() => StorageBudget.InMemory(long.MaxValue, "homotopy classes: 9 path points"));
        Assert.Contains("in memory and", memory.Message);
        StorageBudget.OnDisk(folder.Path, 1, "one byte");
        StorageBudget.InMemory(1, "one byte");
    }

    private static bool IsLocalMinimum(double[][] grid, int row, int column)
    {
        double value = grid[row][column];
        foreach (var (r, c) in new[] { (row - 1, column), (row + 1, column), (row, column - 1), (row, column + 1) })
            if (r >= 0 && r < grid.Length && c >= 0 && c < grid[r].Length && grid[r][c] < value) return false;
        return true;
    }

    // Proposition 2.1 by brute force: a minimum's saddle is the lowest, over lower minima, of the minimax barrier between
    // them through the connected pairs (Floyd–Warshall on max instead of +).
    private static void AssertSegmentsAreMinimaxEscapes(MinimaResult minima)
    {
        int n = minima.Losses.Length;
        var minimax = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) minimax[i, j] = i == j ? minima.Losses[i] : double.IsNaN(minima.Barriers[i][j]) ? double.PositiveInfinity : minima.Barriers[i][j];
        for (int k = 0; k < n; k++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) minimax[i, j] = Math.Min(minimax[i, j], Math.Max(minimax[i, k], minimax[k, j]));
        for (int m = 0; m < n; m++)
        {
            var lower = Enumerable.Range(0, n).Where(q => minima.Losses[q] < minima.Losses[m] || minima.Losses[q] == minima.Losses[m] && q < m).ToList();
            double escape = lower.Count == 0 ? double.PositiveInfinity : lower.Min(q => minimax[m, q]);
            var segment = minima.Segments.SingleOrDefault(s => s.Minimum == m);
            if (segment is not null) Assert.Equal(escape, segment.Saddle);
            else Assert.True(double.IsPositiveInfinity(escape) || escape == minima.Losses[m], $"minimum {m} escapes at {escape} but has no segment");
        }
    }

    private static double[,] ToMatrix(double[][] rows)
    {
        var matrix = new double[rows.Length, rows.Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows.Length; j++) matrix[i, j] = rows[i][j];
        return matrix;
    }

    private static IEnumerable<string> AnalysisFiles(string root) =>
        Directory.Exists(Path.Combine(root, "analyses"))
            ? Directory.GetFiles(Path.Combine(root, "analyses"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f))
            : [];

    // Everything the runs save for the analyses and the analyses save, and results.json, by relative path.
    private static List<string> LandscapeFiles(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f))
            .Where(f => f.StartsWith("analyses", StringComparison.Ordinal) || f.StartsWith("paths", StringComparison.Ordinal)
                        || f.EndsWith("parameters.bin", StringComparison.Ordinal) || f == "results.json")
            .Order(StringComparer.Ordinal).ToList();

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private sealed class StopAfter(string analysis, int units, CancellationTokenSource stop) : IRunObserver
    {
        private int _seen;
        public void RunStarted(RunCell cell, RunResult result, int totalSteps, int? resumedAt) { }
        public void StepDone(RunCell cell, int step, double loss)
        {
            // Part-way through the third run: two runs finished, one with path points saved up to a checkpoint.
            if (analysis == "training" && cell.Index == 2 && step == units) stop.Cancel();
        }
        public void RunFinished(RunCell cell, RunResult result) { }
        public void RunSkipped(RunCell cell) { }
        public void AnalysisProgress(string name, string item, int done, int total, string detail)
        {
            if (name == analysis && ++_seen == units) stop.Cancel();
        }
    }
}
