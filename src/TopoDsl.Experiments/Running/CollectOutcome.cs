using TopoDsl.Experiments.Results;

namespace TopoDsl.Experiments.Running;

/// <summary>A cell <c>collect</c> did not find finished, and the command that runs it.</summary>
public sealed record MissingCell(string Cell, string Command);

/// <summary>What <see cref="ExperimentRunner.Collect"/> gave: the merged results, or the cells still missing.</summary>
public sealed record CollectOutcome(ExperimentResults? Results, IReadOnlyList<MissingCell> Missing);
