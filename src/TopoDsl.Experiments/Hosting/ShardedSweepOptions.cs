using System.CommandLine;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Running;

namespace TopoDsl.Experiments.Hosting;

/// <summary>
/// What the cluster commands (<c>slurm</c>, <c>k8s</c>) share: the experiment, <c>--quick</c>, <c>--seeds</c>, and how many
/// shards run how many at once, each checked against the sweep's cells.
/// </summary>
internal sealed class ShardedSweepOptions
{
    private readonly Argument<string> _name = new("NAME") { Description = "the experiment (see list)" };
    private readonly Option<bool> _quick = new("--quick") { Description = "the quick sweep" };
    private readonly Option<int?> _seeds = new("--seeds") { Description = "seeds per cell instead of the declared number" };
    private readonly Option<int?> _shards;
    private readonly Option<int?> _parallel;

    /// <param name="workers">What a shard runs in: "array tasks", "pods".</param>
    public ShardedSweepOptions(string workers)
    {
        _shards = new Option<int?>("--shards") { Description = $"{workers} (default: one per cell)" };
        _parallel = new Option<int?>("--parallel") { Description = $"at most this many {workers} at once (default: all)" };
    }

    /// <summary>Adds the argument and the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(_name);
        command.Add(_quick);
        command.Add(_seeds);
        command.Add(_shards);
        command.Add(_parallel);
    }

    /// <summary>The sweep given, and its shards and parallelism; bad values are refused by name.</summary>
    public (ResolvedExperiment Experiment, int Cells, int Shards, int Parallel, int? Seeds) Resolve(ParseResult parse, IReadOnlyList<ExperimentDefinition> experiments)
    {
        var definition = ExperimentApp.Named(experiments, parse.GetValue(_name)!);
        int? seeds = parse.GetValue(_seeds);
        var experiment = new ResolvedExperiment(definition, parse.GetValue(_quick), seeds);
        int cells = experiment.Cells.Count;
        int shards = parse.GetValue(_shards) ?? cells;
        if (shards < 1 || shards > cells) throw new ExperimentException($"--shards {shards}: give 1 to {cells} (the sweep's cells)");
        int parallel = parse.GetValue(_parallel) ?? shards;
        if (parallel < 1) throw new ExperimentException($"--parallel {parallel}: give 1 or more");
        return (experiment, cells, shards, parallel, seeds);
    }
}
