namespace TopoDsl.Rules;

/// <summary>RMSprop (Hinton), torch.optim.RMSprop(lr, alpha, eps) without momentum or centering.</summary>
[UpdateRule("""
    state v = 0
    v = alpha * v + (1 - alpha) * g^2
    p -= lr * g / (sqrt(v) + eps)
    """)]
public sealed partial class RmsProp
{
    public float lr = 0.01f;
    public float alpha = 0.99f;
    public float eps = 1e-8f;
}
