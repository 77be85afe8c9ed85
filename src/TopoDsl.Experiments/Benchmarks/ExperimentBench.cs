using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TopoDsl.Experiments.Running;
using TopoDsl.Homology.IO;
using TopoDsl.Training.Modules;

namespace TopoDsl.Experiments.Benchmarks;

/// <summary>
/// <c>bench NAME</c>: the experiment end to end with TopoDsl (tracked), the same runs as training alone, and the same
/// work written with PyTorch and GUDHI (an embedded script run by Debian's python3), side by side in one invocation.
/// </summary>
internal static class ExperimentBench
{
    public sealed record Result(string Experiment, bool Quick, int Threads, int Runs, double TopoDslSeconds, double TrainingOnlySeconds,
        double TorchGudhiSeconds, double RatioToTorchGudhi, double TrackingOverhead);

    public static Result Run(ResolvedExperiment experiment, int threads, string python)
    {
        var spec = Spec(experiment, threads);
        string root = Directory.CreateTempSubdirectory("topodsl-bench-").FullName;
        try
        {
            // Each mode twice, alternating, keeping the faster: the first pass also pays for compiling the code (JIT).
            double trainingOnly = double.PositiveInfinity, tracked = double.PositiveInfinity;
            for (int pass = 0; pass < 2; pass++)
            {
                trainingOnly = Math.Min(trainingOnly, Time(() => ExperimentRunner.Run(experiment, Path.Combine(root, $"training{pass}"), threads, RunObservers.None, RunMode.TrainingOnly)));
                tracked = Math.Min(tracked, Time(() => ExperimentRunner.Run(experiment, Path.Combine(root, $"tracked{pass}"), threads, RunObservers.None, RunMode.Tracked)));
            }
            double torch = TorchGudhi(python, spec, root);
            return new Result(experiment.Definition.Name, experiment.IsQuick, threads, experiment.Cells.Count, tracked, trainingOnly, torch,
                tracked / torch, tracked / trainingOnly - 1);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static double Time(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalSeconds;
    }

    private static double TorchGudhi(string python, string spec, string root)
    {
        string script = Path.Combine(root, "torch_gudhi_experiment.py");
        using (var resource = typeof(ExperimentBench).Assembly.GetManifestResourceStream("TopoDsl.Experiments.Benchmarks.torch_gudhi_experiment.py")!)
        using (var file = File.Create(script)) resource.CopyTo(file);
        var start = new ProcessStartInfo(python, [script]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ExperimentException($"cannot start {python} ({e.Message}); the PyTorch and GUDHI side needs Debian's python3 with python3-torch, python3-gudhi and python3-numpy");
        }
        using var process = started ?? throw new ExperimentException($"cannot start {python}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(spec);
        process.StandardInput.Close();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
            throw new ExperimentException($"the PyTorch and GUDHI script failed ({python}; it needs Debian's python3-torch, python3-gudhi and python3-numpy): " +
                errors.Result.Trim().Split('\n').LastOrDefault());
        return seconds; // the whole process, as TopoDsl's time includes its own start-up work (JIT, data)
    }

    /// <summary>The runs as the script reads them; refuses experiments it does not cover.</summary>
    private static string Spec(ResolvedExperiment experiment, int threads)
    {
        var definition = experiment.Definition;
        string name = definition.Name;
        var model = experiment.Network.Create(0) as Sequential;
        var linears = model?.Layers.OfType<Linear>().ToList() ?? [];
        var activations = model?.Layers.OfType<Activation>().Select(a => a.Kind).Distinct().ToList() ?? [];
        var data = definition.Data(0);
        var initialisation = definition.Initialisation;
        string? shape = initialisation.Shape switch
        {
            NeuronShape.FigureEight => "figure-eight",
            NeuronShape.TwoCircles => "two circles",
            _ => null,
        };
        bool startCovered = shape is not null || initialisation.Create is null;
        if (linears.Count != 2 || activations is not [ActivationKind.Sigmoid] || data.TeacherStudent is not { } teacher
            || definition.Optimizer.Name is not ("Sgd" or "Adam") || !startCovered)
            throw new ExperimentException($"bench {name}: the PyTorch and GUDHI script covers one-hidden-layer sigmoid MLPs on teacher-student data " +
                                          "with a figure-eight, two-circles or default start, trained by Sgd or Adam; this experiment is not one");
        var tracking = definition.Tracking;
        var runs = experiment.Cells.Select(cell =>
        {
            var step = cell.Coordinates.FirstOrDefault(c => c.Axis.Name == definition.Optimizer.StepSize);
            string stepSize = definition.Optimizer.StepSize;
            double lr = step.Axis is not null ? step.Value
                : definition.Hyperparameters.TryGetValue(stepSize, out double set) ? set
                : definition.Optimizer.Defaults.TryGetValue(stepSize, out double byDefault) ? byDefault
                : throw new ExperimentException($"bench {name}: the step size '{stepSize}' is neither a hyperparameter of {definition.Optimizer.Name} nor set by the experiment");
            return new { seed = cell.Seed, lr, timesEtaStar = step.Axis?.TimesEtaStar ?? false };
        });
        var spec = new
        {
            threads,
            widths = new[] { linears[0].InFeatures, linears[0].OutFeatures, linears[1].OutFeatures },
            bias = linears[0].Bias is not null,
            data = new { inputs = linears[0].InFeatures, samples = teacher.Samples, trainFraction = teacher.TrainFraction, teacherWidth = teacher.TeacherWidth },
            shape,
            optimizer = definition.Optimizer.Name,
            batch = experiment.Schedule.BatchSize > 0 ? experiment.Schedule.BatchSize : data.Train.Count,
            epochs = experiment.Schedule.Epochs,
            steps = experiment.Schedule.Steps ?? 0,
            checkpoints = tracking.Checkpoints,
            trainLossAtCheckpoints = tracking.TrainLossAtCheckpoints,
            sharpnessSamples = tracking.SharpnessSamples > 0 ? tracking.SharpnessSamples : data.Train.Count,
            allPairsUpTo = tracking.Certificate.AllPairsUpTo,
            sampledPairs = tracking.Certificate.SampledPairs,
            nearestNeighbours = tracking.Certificate.NearestNeighbours,
            topology = new
            {
                standardized = tracking.Topology.Coordinates == CloudCoordinates.Standardized,
                scaleFraction = tracking.Topology.ScaleFraction,
                truncationFraction = tracking.Topology.TruncationFraction,
                persistentFraction = tracking.Topology.PersistentFraction,
                maxPoints = tracking.Topology.MaxPoints,
                maxDimension = tracking.Topology.MaxDimension,
            },
            runs,
        };
        return JsonSerializer.Serialize(spec);
    }

    public static void WriteJson(string path, Result result) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, result, ResultsJson.Options));

    public static IEnumerable<string> Lines(Result r)
    {
        string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
        yield return $"{r.Experiment}{(r.Quick ? " --quick" : "")}, {r.Runs} runs, {r.Threads} thread{(r.Threads == 1 ? "" : "s")}:";
        yield return $"  TopoDsl (training, certificate, Betti tracking, sharpness): {F(r.TopoDslSeconds)} s";
        yield return $"  TopoDsl training alone:                                    {F(r.TrainingOnlySeconds)} s  (tracking adds {r.TrackingOverhead:P0})";
        yield return $"  PyTorch + GUDHI, the same work:                            {F(r.TorchGudhiSeconds)} s";
        yield return $"  ratio TopoDsl / (PyTorch + GUDHI): {r.RatioToTorchGudhi.ToString("F3", CultureInfo.InvariantCulture)}";
    }
}
