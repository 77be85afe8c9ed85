using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Topology;
using TopoDsl.Training.Data;
using TopoDsl.Training.Loop;
using TopoDsl.Training.Modules;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;
using TopoDsl.Training.SecondOrder;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Experiments.Running;

/// <summary>
/// The instrumented training loop of one run: trains, checks the certificate after every step, measures topology,
/// losses and clouds at the persistence checkpoints and sharpness at its cadence, and saves a checkpoint at each
/// persistence checkpoint, from which a killed run continues with the same numbers.
/// </summary>
internal sealed class RunLoop(ResolvedExperiment experiment, RunCell cell, RunFolders folders, int threads, IRunObserver observer, RunMode mode = RunMode.Tracked)
{
    // Independent random streams of one seed (the data uses the seed itself: the teacher-student generator and the
    // network's initialisation would otherwise draw the same numbers).
    private const ulong NetworkStream = 1, InitialisationStream = 2, SharpnessStream = 3, BatchStream = 4, PairStream = 5;

    private readonly BackgroundWrites _writes = new();

    private ExperimentDefinition Definition => experiment.Definition;

    /// <summary>Where the run's time went.</summary>
    public RunTimings Timings { get; } = new();

    public RunResult Execute(CancellationToken cancellation)
    {
        try
        {
            return Run(cancellation);
        }
        catch
        {
            // Let the writes already asked for finish, so that nothing writes into the run's folder after this returns.
            try { _writes.Drain(); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            throw;
        }
    }

    private RunResult Run(CancellationToken cancellation)
    {
        string id = cell.Id;
        folders.Prepare(id);
        var data = Definition.Data(cell.Seed);
        if (data.Train.Count == 0) throw new ExperimentException($"{Definition.Name}: the training set is empty");
        // With a shared initialisation every run starts from the first seed's network; the seed still sets data and batches.
        ulong startSeed = experiment.Schedule.SharedInitialisation ? experiment.Schedule.Seeds[0] : cell.Seed;
        var model = experiment.Network.Create(SeedStreams.Derive(startSeed, NetworkStream));
        var hidden = HiddenLayers(model);
        Initialise(hidden, startSeed);
        var trackedLayers = Definition.Tracking.Layers.Select(k => hidden[k]).ToList();
        var slots = ParameterSlots.For(model, DisjointLayers(trackedLayers));
        var evaluator = new Evaluator(model);
        var sharpnessSet = data.Train.First(Definition.Tracking.SharpnessSamples);

        double Sharpness(int step) => Training.SecondOrder.Sharpness.TopEigenvalue(() => evaluator.Loss(sharpnessSet), model.Parameters().ToList(),
            maxIterations: 40, tolerance: 1e-3, seed: SeedStreams.Derive(cell.Seed, SharpnessStream ^ ((ulong)step << 8))).TopEigenvalue;

        string checkpointPath = folders.Checkpoint(id);
        bool resumed = File.Exists(checkpointPath);
        Timings.Sharpness.Start();
        bool tracked = mode == RunMode.Tracked;
        double initialK = resumed || !tracked && !cell.Coordinates.Any(c => c.Axis.TimesEtaStar) ? double.NaN : Sharpness(0);
        var progress = resumed ? RunCheckpoint.Load(checkpointPath, slots) : Start(initialK, sharpnessSet, data.Train);
        Timings.Sharpness.Stop();
        var result = progress.Result;
        var layers = TrackLayers(trackedLayers, progress);

        var hyperparameters = new Dictionary<string, double>(result.Hyperparameters);
        var optimizer = Definition.Optimizer.Create(hyperparameters);
        var verdict = Definition.Optimizer.Verdict?.Invoke(hyperparameters);
        foreach (var layer in layers)
        {
            layer.Result.Certificate.Applies = verdict?.TheoremApplies ?? false;
            layer.Result.Certificate.Reasons = verdict is null
                ? [$"{Definition.Optimizer.Name} is not an [UpdateRule] rule, so the rule checker has not shown it equivariant and Lipschitz"]
                : verdict.TheoremApplies ? [] : [.. verdict.Reasons];
            if (layer.Result.Certificate.Applies && tracked) layer.StartCertificate(Definition.Tracking.Certificate, SeedStreams.Derive(cell.Seed, PairStream + (ulong)layer.Index), progress.Step);
        }

        var batches = experiment.Schedule.BatchSize is int size && size > 0 && size < data.Train.Count
            ? new MiniBatches(data.Train, size, SeedStreams.Derive(cell.Seed, BatchStream))
            : MiniBatches.FullBatch(data.Train);
        int perEpoch = batches.BatchesPerEpoch;
        int total = experiment.Schedule.Steps ?? experiment.Schedule.Epochs * perEpoch;
        // Rounded up, so that a run has at most the declared number of checkpoints after step 0 (the last one at its end).
        int checkpoints = Math.Max(1, Definition.Tracking.Checkpoints);
        int every = Definition.Tracking.PersistenceEvery > 0 ? Definition.Tracking.PersistenceEvery : Math.Max(1, (total + checkpoints - 1) / checkpoints);
        bool IsCheckpoint(int step) => step == total || tracked && step % every == 0;
        int pathSpacing = Definition.Landscape.Homotopy?.SpacingFor(total) ?? 0;
        if (pathSpacing > 0 && !resumed)
            Analyses.StorageBudget.OnDisk(folders.Root, (total / pathSpacing + 2) * (16 + 4L * model.Parameters().Sum(p => p.Count)), $"{id}: the training path's points");
        void RecordPathPoint(int step)
        {
            if (pathSpacing > 0 && (step % pathSpacing == 0 || step == total)) SaveParameters(folders.PathPoint(id, step), model);
        }
        if (!resumed) RecordPathPoint(0);

        Timings.Checkpoints.Start();
        if (!resumed && tracked) Checkpoint(0, progress, layers, evaluator, data, slots, saveState: false, withTrain: true);
        Timings.Checkpoints.Stop();
        observer.RunStarted(cell, result, total, resumedAt: resumed ? progress.Step : null);

        var trainer = new Trainer(model, optimizer, slots);
        trainer.ResumeAfter(progress.Step);
        IEnumerator<Batch>? epochBatches = null;
        int epochOfBatches = -1;
        for (int step = progress.Step + 1; step <= total; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            int epoch = (step - 1) / perEpoch, inEpoch = (step - 1) % perEpoch;
            if (epoch != epochOfBatches)
            {
                epochBatches = batches.Epoch(epoch).GetEnumerator();
                epochOfBatches = epoch;
                for (int skip = 0; skip < inEpoch; skip++) epochBatches.MoveNext();
            }
            epochBatches!.MoveNext();
            var batch = epochBatches.Current;
            double loss;
            Timings.Train.Start();
            try
            {
                loss = trainer.Step(() => evaluator.Loss(batch.Inputs, batch.Targets, batch.Labels), epoch, inEpoch, perEpoch).Loss;
            }
            catch (TrainingDivergedException)
            {
                Timings.Train.Stop();
                return Diverged(step, progress, layers, result, id);
            }
            Timings.Train.Stop();
            progress.Step = step;
            progress.BatchLosses.Add(loss);
            RecordPathPoint(step);
            bool checkpoint = IsCheckpoint(step);
            Timings.Certificate.Start();
            if (tracked)
                foreach (var layer in layers) layer.AfterStep(step, result.Eta, progress.CurrentK, allPairs: checkpoint, threads);
            Timings.Certificate.Stop();
            if (checkpoint && tracked && !layers.All(layer => layer.IsFiniteAt(step))) return Diverged(step, progress, layers, result, id);
            if (tracked && (Definition.Tracking.SharpnessEvery > 0 && step % Definition.Tracking.SharpnessEvery == 0 || step == total))
            {
                Timings.Sharpness.Start();
                bool finite = TryMeasureSharpness(step, Sharpness, progress);
                Timings.Sharpness.Stop();
                if (!finite) return Diverged(step, progress, layers, result, id);
            }
            Timings.Checkpoints.Start();
            if (checkpoint)
                Checkpoint(step, progress, layers, evaluator, data, slots, saveState: step < total, withTrain: step == total || Definition.Tracking.TrainLossAtCheckpoints);
            Timings.Checkpoints.Stop();
            observer.StepDone(cell, step, loss);
        }

        var last = progress.Evaluations[^1];
        (result.TrainLoss, result.TestLoss, result.TrainAccuracy, result.TestAccuracy) = (last.TrainLoss ?? double.NaN, last.TestLoss, last.TrainAccuracy, last.TestAccuracy);
        result.Steps = progress.Step;
        foreach (var layer in layers) layer.Finish(result.Eta);
        // The trained network is what the landscape analyses start from; it is written before the run counts as finished.
        if (Definition.Landscape.Any) SaveParameters(folders.Parameters(id), model);
        return Complete(progress, layers, id);
    }

    private void SaveParameters(string path, Module model)
    {
        var values = Analyses.ParameterFile.Snapshot(model);
        _writes.Enqueue(() => Analyses.ParameterFile.Write(path, values));
    }

    private RunProgress Start(double k, Dataset sharpnessSet, Dataset train)
    {
        var hyperparameters = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in Definition.Optimizer.Defaults) hyperparameters[name] = value;
        foreach (var (name, value) in Definition.Hyperparameters) hyperparameters[name] = value;
        var sweep = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (axis, value) in cell.Coordinates)
        {
            sweep[axis.TimesEtaStar ? $"{axis.Name}TimesEtaStar" : axis.Name] = value;
            hyperparameters[axis.Name] = axis.TimesEtaStar ? value / k : value;
        }
        string stepSize = Definition.Optimizer.StepSize;
        if (!hyperparameters.TryGetValue(stepSize, out double eta))
            throw new ExperimentException($"{Definition.Name}: the step size '{stepSize}' is neither a hyperparameter of {Definition.Optimizer.Name} nor set by the experiment");
        var result = new RunResult
        {
            Experiment = Definition.Name,
            Cell = cell.Id,
            Seed = cell.Seed,
            Hyperparameters = hyperparameters,
            Sweep = sweep,
            StepSize = stepSize,
            Eta = eta,
            K = k,
            EtaTimesK = eta * k,
            Phase = Phase(eta * k),
            SharpnessData = sharpnessSet.Count == train.Count ? $"the whole training set ({train.Count} samples)" : $"the first {sharpnessSet.Count} of {train.Count} training samples",
            Sharpness = [new StepValue(0, k)],
        };
        return new RunProgress { Result = result, CurrentK = k };
    }

    /// <summary>"below 1" (Theorem 1's regime), "1 to 2", or "at or above 2" (beyond the edge of stability).</summary>
    public static string Phase(double etaTimesK) => etaTimesK < 1 ? "below 1" : etaTimesK < 2 ? "1 to 2" : "at or above 2";

    private List<TrackedLayer> TrackLayers(List<HiddenLayerNeurons> tracked, RunProgress progress)
    {
        var layers = new List<TrackedLayer>();
        for (int k = 0; k < tracked.Count; k++)
        {
            if (progress.Layers.Count <= k) progress.Layers.Add(new LayerProgress());
            layers.Add(new TrackedLayer(Definition.Tracking.Layers[k], tracked[k], new CloudTopology(Definition.Tracking.Topology, threads),
                progress.Result.LayerAt(k), progress.Layers[k]));
        }
        return layers;
    }

    private void Checkpoint(int step, RunProgress progress, List<TrackedLayer> layers, Evaluator evaluator,
        ExperimentData data, IReadOnlyList<ParameterSlot> slots, bool saveState, bool withTrain)
    {
        foreach (var layer in mode == RunMode.Tracked ? layers : [])
        {
            Timings.Topology.Start();
            layer.Measure(step);
            Timings.Topology.Stop();
            Timings.Files.Start();
            string path = folders.Cloud(cell.Id, layer.Index, step);
            var cloud = layer.Cloud.ToArray();
            int dimension = layer.Dimension;
            _writes.Enqueue(() => CsvWriter.WriteCloud(path, cloud, dimension));
            Timings.Files.Stop();
        }
        Timings.Evaluation.Start();
        progress.Evaluations.Add(evaluator.Evaluate(step, data, withTrain));
        Timings.Evaluation.Stop();
        Timings.Files.Start();
        if (saveState)
        {
            foreach (var layer in layers) layer.SaveCertificateState();
            var checkpoint = RunCheckpoint.Serialize(progress, slots);
            string path = folders.Checkpoint(cell.Id);
            _writes.Enqueue(() => RunCheckpoint.Save(path, checkpoint));
        }
        Timings.Files.Stop();
    }

    private bool TryMeasureSharpness(int step, Func<int, double> sharpness, RunProgress progress)
    {
        double k;
        try
        {
            k = sharpness(step);
        }
        catch (Training.SecondOrder.NonFiniteCurvatureException)
        {
            return false; // the loss or its Hessian is no longer finite: the run diverged
        }
        progress.CurrentK = k;
        progress.Result.Sharpness.Add(new StepValue(step, k));
        return true;
    }

    private RunResult Diverged(int step, RunProgress progress, List<TrackedLayer> layers, RunResult result, string id)
    {
        result.Diverged = true;
        result.DivergedAtStep = step;
        result.Steps = step - 1;
        result.TrainLoss = progress.BatchLosses.Count > 0 ? progress.BatchLosses[^1] : double.NaN;
        result.TestLoss = double.NaN;
        foreach (var layer in layers)
        {
            layer.Finish(result.Eta);
            layer.Result.TopologyPreserved = false;
        }
        return Complete(progress, layers, id);
    }

    private RunResult Complete(RunProgress progress, List<TrackedLayer> layers, string id)
    {
        Timings.Files.Start();
        _writes.Drain();
        Timings.Files.Stop();
        RunCurves.Write(folders.Curves(id), progress, layers.Select(l => l.Index).ToList());
        ResultFiles.WriteRun(folders.RunResult(id), progress.Result);
        File.Delete(folders.Checkpoint(id));
        observer.RunFinished(cell, progress.Result);
        if (Environment.GetEnvironmentVariable("TOPODSL_TIMINGS") == "1") Console.Error.WriteLine($"{cell.Id}: {Timings}");
        return progress.Result;
    }

    private List<HiddenLayerNeurons> HiddenLayers(Module model)
    {
        if (model is not Sequential sequential)
            throw new ExperimentException($"{Definition.Name}: the network is a {model.GetType().Name}; tracking neurons needs a Sequential of Linear layers");
        var hidden = HiddenLayerNeurons.Of(sequential);
        foreach (int k in Definition.Tracking.Layers.Append(Definition.Initialisation.Layer))
            if (k < 0 || k >= hidden.Count)
                throw new ExperimentException($"{Definition.Name}: hidden layer {k} does not exist; the network {experiment.Network.Description} has {hidden.Count} (0..{hidden.Count - 1})");
        return hidden.ToList();
    }

    private void Initialise(List<HiddenLayerNeurons> hidden, ulong startSeed)
    {
        var init = Definition.Initialisation;
        if (init.Create is null) return;
        var layer = hidden[init.Layer];
        var cloud = init.Create(layer.Count, layer.Dimension, SeedStreams.Derive(startSeed, InitialisationStream));
        if (cloud.Rank != 2 || cloud.Dim(0) != layer.Count || cloud.Dim(1) != layer.Dimension)
            throw new ExperimentException(
                $"{Definition.Name}: the initialisation '{init.Name}' gave a {string.Join(" x ", cloud.Shape.ToArray())} cloud; hidden layer {init.Layer} has {layer.Count} neurons of {layer.Dimension} coordinates");
        layer.Write(cloud);
    }

    /// <summary>
    /// The tracked layers whose parameters the optimizer sees as neurons; a layer sharing a Linear with an earlier one
    /// (the middle Linear of a deep MLP belongs to two) keeps the earlier one's axes.
    /// </summary>
    private static List<HiddenLayerNeurons> DisjointLayers(List<HiddenLayerNeurons> tracked)
    {
        var taken = new HashSet<Linear>(ReferenceEqualityComparer.Instance);
        var disjoint = new List<HiddenLayerNeurons>();
        foreach (var layer in tracked)
            if (taken.Add(layer.Input) & taken.Add(layer.Output)) disjoint.Add(layer);
        return disjoint;
    }
}
