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
    public double[] Point(RunResult run, int dimension) => ParameterFile.ReadPoint(folders.Parameters(run.Cell), dimension);

    /// <summary>The run's training path from the fraction <paramref name="from"/> of its steps on: its recorded parameters, in step order.</summary>
    public IReadOnlyList<double[]> Path(RunResult run, int dimension, double from) =>
        folders.PathPoints(run.Cell).Where(p => p.Step >= from * run.Steps).Select(p => ParameterFile.ReadPoint(p.Path, dimension)).ToList();

    /// <summary>How many points <see cref="Path"/> will read.</summary>
    public int PathPointCount(RunResult run, double from) => folders.PathPoints(run.Cell).Count(p => p.Step >= from * run.Steps);

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
