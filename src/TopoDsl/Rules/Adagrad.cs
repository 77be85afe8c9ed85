namespace TopoDsl.Rules;

/// <summary>Adagrad (Duchi et al.), torch.optim.Adagrad(lr, lr_decay, eps) with a zero initial accumulator.</summary>
[UpdateRule("""
    state s = 0
    s = s + g^2
    p -= lr / (1 + (t - 1) * lr_decay) * g / (sqrt(s) + eps)
    """)]
public sealed partial class Adagrad
{
    public float lr = 0.01f;
    public float lr_decay = 0f;
    public float eps = 1e-10f;
}
