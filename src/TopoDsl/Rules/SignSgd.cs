namespace TopoDsl.Rules;

/// <summary>signSGD (Bernstein et al. 2018): a step of fixed size against the sign of the gradient. Equivariant; not Lipschitz.</summary>
// sign makes the rule discontinuous in g: known, documented, and reported in Traits.LipschitzReasons.
#pragma warning disable TDSL0301
[UpdateRule("""
    p -= lr * sign(g)
    """)]
#pragma warning restore TDSL0301
public sealed partial class SignSgd
{
    public float lr = 1e-3f;
}
