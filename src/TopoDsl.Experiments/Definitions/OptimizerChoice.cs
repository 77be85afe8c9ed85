using TopoDsl.Training.Optimizers;

namespace TopoDsl.Experiments.Definitions;

/// <summary>
/// The update rule of an experiment: how to build it for a run's hyperparameter values, and what the rule checker
/// proved about it for those values (which decides whether Theorem 1's certificate applies).
/// </summary>
public sealed class OptimizerChoice
{
    /// <summary>The rule's name, e.g. "Sgd" or "Adam".</summary>
    public required string Name { get; init; }

    /// <summary>Builds the optimizer for one run from its hyperparameter values (name → value).</summary>
    public required Func<IReadOnlyDictionary<string, double>, IOptimizer> Create { get; init; }

    /// <summary>The rule's declared defaults (name → value), which a run uses for what it does not set.</summary>
    public IReadOnlyDictionary<string, double> Defaults { get; init; } = new Dictionary<string, double>();

    /// <summary>The hyperparameter that is the step size η (default "lr").</summary>
    public string StepSize { get; init; } = "lr";

    /// <summary>
    /// The theorem's hypotheses for a run's hyperparameter values: whether the rule is permutation equivariant and
    /// Lipschitz there, and if not, why. Null for an optimizer the rule checker never saw.
    /// </summary>
    public Func<IReadOnlyDictionary<string, double>, RuleVerdict>? Verdict { get; init; }
}

/// <summary>What the rule checker proved about an update rule at given hyperparameter values.</summary>
/// <param name="Equivariant">Relabelling neurons relabels the update (P1).</param>
/// <param name="Lipschitz">The update is locally Lipschitz in the parameters and gradients (P2-K).</param>
/// <param name="Reasons">Why either fails, one line per finding.</param>
public sealed record RuleVerdict(bool Equivariant, bool Lipschitz, IReadOnlyList<string> Reasons)
{
    /// <summary>Whether Theorem 1's certificate applies.</summary>
    public bool TheoremApplies => Equivariant && Lipschitz;
}
