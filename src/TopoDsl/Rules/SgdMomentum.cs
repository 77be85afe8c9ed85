namespace TopoDsl.Rules;

/// <summary>
/// SGD with heavy-ball momentum, torch.optim.SGD(lr, momentum, weight_decay) with dampening 0: the buffer starts
/// at zero, so its first value is the gradient, as in PyTorch.
/// </summary>
[UpdateRule("""
    state buf = 0
    d = g + weight_decay * p
    buf = momentum * buf + d
    p -= lr * buf
    """)]
public sealed partial class SgdMomentum
{
    public float lr = 0.01f;
    public float momentum = 0.9f;
    public float weight_decay = 0f;
}
