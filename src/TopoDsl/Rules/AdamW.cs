namespace TopoDsl.Rules;

/// <summary>AdamW (Loshchilov and Hutter): Adam with decoupled weight decay, as torch.optim.AdamW.</summary>
[UpdateRule("""
    state m = 0
    state v = 0
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g^2
    p = p * (1 - lr * weight_decay) - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
    """)]
public sealed partial class AdamW
{
    public float lr = 1e-3f;
    public float beta1 = 0.9f;
    public float beta2 = 0.999f;
    public float eps = 1e-8f;
    public float weight_decay = 1e-2f;
}
