namespace TopoDsl.Rules;

/// <summary>
/// SGD with each neuron's gradient scaled to unit norm (plus eps): every neuron moves about lr per step,
/// whatever its gradient's size. Equivariant (the norm is per neuron) and Lipschitz (eps keeps the divisor positive).
/// </summary>
[UpdateRule("""
    p -= lr * g / (norm(g, neuron) + eps)
    """)]
public sealed partial class NeuronNormalizedSgd
{
    public float lr = 0.01f;
    public float eps = 1e-8f;
}
