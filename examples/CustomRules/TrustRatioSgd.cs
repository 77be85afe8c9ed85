namespace CustomRules;

/// <summary>
/// A custom rule: SGD whose step for each neuron is scaled by that neuron's weight norm over its gradient norm
/// (a LARS-style trust ratio). Per-neuron reductions keep it permutation equivariant, and the eps under the
/// division keeps it Lipschitz, so the build reports nothing.
/// </summary>
[TopoDsl.UpdateRule("""
    # trust ratio per neuron: |w_i| / (|g_i| + eps)
    ratio = norm(p, neuron) / (norm(g, neuron) + eps)
    p -= lr * ratio * g
    """)]
public sealed partial class TrustRatioSgd
{
    public float lr = 0.05f;
    public float eps = 1e-3f;
}
