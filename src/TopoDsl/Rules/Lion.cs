namespace TopoDsl.Rules;

/// <summary>
/// Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"): the sign of an interpolation of
/// momentum and gradient plus decoupled weight decay, then the momentum update. Equivariant; not Lipschitz (sign).
/// </summary>
// sign makes the rule discontinuous in g: known, documented, and reported in Traits.LipschitzReasons.
#pragma warning disable TDSL0301
[UpdateRule("""
    state m = 0
    c = beta1 * m + (1 - beta1) * g
    p -= lr * (sign(c) + weight_decay * p)
    m = beta2 * m + (1 - beta2) * g
    """)]
#pragma warning restore TDSL0301
public sealed partial class Lion
{
    public float lr = 1e-4f;
    public float beta1 = 0.9f;
    public float beta2 = 0.99f;
    public float weight_decay = 0f;
}
