namespace CustomRules;

/// <summary>
/// A warned rule: each neuron's gradient divided by its norm with nothing added. The norm can reach zero, so
/// the build warns TDSL0304 (the rule is not Lipschitz in g; the topology-preservation guarantee does not apply).
/// The project lets this one warning through (WarningsNotAsErrors) so that you see it.
/// </summary>
[TopoDsl.UpdateRule("""
    p -= lr * g / norm(g, neuron)
    """)]
public sealed partial class UnitStepSgd
{
    public float lr = 0.01f;
}
