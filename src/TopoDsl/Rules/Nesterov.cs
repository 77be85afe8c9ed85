namespace TopoDsl.Rules;

/// <summary>SGD with Nesterov momentum, torch.optim.SGD(lr, momentum, weight_decay, nesterov=True).</summary>
[UpdateRule("""
    state buf = 0
    d = g + weight_decay * p
    buf = momentum * buf + d
    p -= lr * (d + momentum * buf)
    """)]
public sealed partial class Nesterov
{
    public float lr = 0.01f;
    public float momentum = 0.9f;
    public float weight_decay = 0f;
}
