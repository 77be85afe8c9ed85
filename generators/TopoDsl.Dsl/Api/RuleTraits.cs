namespace TopoDsl.Dsl;

/// <summary>
/// What the analysis proved about a rule. <see cref="Passes"/> counts the loops over each parameter's values
/// that the emitted kernel makes (reductions need one before their use).
/// </summary>
public sealed record RuleTraits(
    bool Equivariant,
    bool EquivariantOnlyInDistribution,
    bool Lipschitz,
    EquatableArray<string> LipschitzReasons,
    bool NeedsMatrixParameters,
    bool UsesNeuronReductions,
    int Passes);
