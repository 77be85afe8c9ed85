using TopoDsl.Training.Modules;

namespace TopoDsl.Experiments.Definitions;

/// <summary>The network of an experiment: what it is, and how to build it for a seed.</summary>
/// <param name="Description">e.g. "MLP 1-1024-1, sigmoid, no bias".</param>
/// <param name="Create">seed → a fresh network.</param>
public sealed record NetworkChoice(string Description, Func<ulong, Module> Create);
