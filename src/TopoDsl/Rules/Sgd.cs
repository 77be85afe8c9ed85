namespace TopoDsl.Rules;

/// <summary>Stochastic gradient descent with L2 weight decay, torch.optim.SGD(lr, weight_decay).</summary>
[UpdateRule("""
    p -= lr * (g + weight_decay * p)
    """)]
public sealed partial class Sgd
{
    public float lr = 0.01f;
    public float weight_decay = 0f;
}
