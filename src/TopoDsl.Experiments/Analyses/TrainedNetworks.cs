using TopoDsl.Experiments.Results;
using TopoDsl.Experiments.Running;
using TopoDsl.Training.Data;
using TopoDsl.Training.Modules;

namespace TopoDsl.Experiments.Analyses;

/// <summary>What the analyses read back from the runs: trained parameters, path points, and the data they measure on.</summary>
internal sealed class TrainedNetworks(ResolvedExperiment experiment, RunFolders folders)
{
    /// <summary>A fresh network of the experiment's architecture (its parameters are overwritten before any use).</summary>
    public Module NewNetwork() => experiment.Network.Create(0);

    /// <summary>The run's trained parameters as a point of the loss surface.</summary>
    public double[] Point(RunResult run, int dimension)
    {
        string file = folders.Parameters(run.Cell);
        if (!File.Exists(file))
            throw new ExperimentException($"{run.Cell}: {file} is missing; delete runs/{run.Cell} to train the run again and keep its network");
        return ParameterFile.ReadPoint(file, dimension);
    }

    /// <summary>
    /// Null when every run trained on the same data (its first <paramref name="samples"/> training samples); else why
    /// their networks are minima of different losses and cannot be compared on one.
    /// </summary>
    public string? DifferentData(IReadOnlyList<RunResult> runs, int samples)
    {
        var first = TrainingSamples(runs[0].Seed, samples);
        foreach (var run in runs.Skip(1))
        {
            var other = TrainingSamples(run.Seed, samples);
            if (ReferenceEquals(other, first)) continue;
            bool same = other.Count == first.Count && other.Inputs.Data.AsSpan().SequenceEqual(first.Inputs.Data) && other.Targets.Data.AsSpan().SequenceEqual(first.Targets.Data)
                        && (other.Labels ?? []).AsSpan().SequenceEqual(first.Labels ?? []);
            if (!same)
                return $"{run.Cell} trained on other data than {runs[0].Cell} (the data depend on the seed), so their networks are minima of different losses; " +
                       "declare data that are the same for every seed";
        }
        return null;
    }

    /// <summary>The files of the run's training path from the fraction <paramref name="from"/> of its steps on, in step order.</summary>
    public IReadOnlyList<string> PathFiles(RunResult run, double from) =>
        folders.PathPoints(run.Cell).Where(p => p.Step >= from * run.Steps).Select(p => p.Path).ToList();

    /// <summary>The network with the run's trained parameters loaded.</summary>
    public Module Trained(RunResult run)
    {
        var model = NewNetwork();
        var parameters = model.Parameters().ToList();
        var point = Point(run, parameters.Sum(p => p.Count));
        int offset = 0;
        foreach (var parameter in parameters)
            for (int k = 0; k < parameter.Count; k++) parameter.Data[k] = (float)point[offset++];
        return model;
    }

    /// <summary>The first <paramref name="samples"/> training samples of the seed's data (all of them for 0).</summary>
    public Dataset TrainingSamples(ulong seed, int samples)
    {
        var train = experiment.Definition.Data(seed).Train;
        return samples > 0 && samples < train.Count ? train.First(samples) : train;
    }
}
