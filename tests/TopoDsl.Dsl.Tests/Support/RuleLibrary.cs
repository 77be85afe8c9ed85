namespace TopoDsl.Dsl.Tests.Support;

/// <summary>A rule with the hyperparameters its optimizer class declares (and their values in the tests).</summary>
public sealed record LibraryRule(string Name, string Text, params Hyperparameter[] Hyperparameters)
{
    public RuleContext Context => new(Hyperparameters);

    public override string ToString() => Name;
}

/// <summary>Well-known optimizers written in the DSL: the analysis, emit and fuzz tests start from these.</summary>
public static class RuleLibrary
{
    private static Hyperparameter F(string name, double value) => new(name, HyperparameterType.Float, value);

    private static Hyperparameter D(string name, double value) => new(name, HyperparameterType.Double, value);

    public static readonly LibraryRule Sgd = new("Sgd", "p -= lr * g\n", F("lr", 0.1));

    public static readonly LibraryRule Momentum = new("Momentum", """
        state buf = 0
        buf = mu * buf + g
        p -= lr * buf
        """, F("lr", 0.1), F("mu", 0.9));

    public static readonly LibraryRule Nesterov = new("Nesterov", """
        state buf = 0
        buf = mu * buf + g
        p -= lr * (g + mu * buf)
        """, F("lr", 0.1), F("mu", 0.9));

    public static readonly LibraryRule Adam = new("Adam", """
        state m = 0
        state v = 0
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g^2
        p -= lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
        """, F("lr", 1e-3), F("beta1", 0.9), D("beta2", 0.999), F("eps", 1e-8));

    public static readonly LibraryRule AdamW = new("AdamW", """
        # decoupled weight decay, as torch.optim.AdamW: decay first, then the Adam step
        state m = 0
        state v = 0
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g^2
        mhat = m / (1 - beta1^t)
        vhat = v / (1 - beta2^t)
        p = p * (1 - lr * wd) - lr * mhat / (sqrt(vhat) + eps)
        """, F("lr", 1e-3), F("beta1", 0.9), F("beta2", 0.999), F("eps", 1e-8), F("wd", 0.01));

    public static readonly LibraryRule RmsProp = new("RmsProp", """
        state v = 0
        v = alpha * v + (1 - alpha) * g^2
        p -= lr * g / (sqrt(v) + eps)
        """, F("lr", 0.01), F("alpha", 0.99), F("eps", 1e-8));

    public static readonly LibraryRule Adagrad = new("Adagrad", """
        state s = 0
        s += g^2
        p -= lr * g / (sqrt(s) + eps)
        """, F("lr", 0.01), F("eps", 1e-10));

    public static readonly LibraryRule Lion = new("Lion", """
        state m = 0
        c = beta1 * m + (1 - beta1) * g
        p -= lr * (sign(c) + wd * p)
        m = beta2 * m + (1 - beta2) * g
        """, F("lr", 1e-4), F("beta1", 0.9), F("beta2", 0.99), F("wd", 0.1));

    public static readonly LibraryRule SignSgd = new("SignSgd", "p -= lr * sign(g)\n", F("lr", 0.01));

    public static readonly LibraryRule NeuronNormalizedSgd = new("NeuronNormalizedSgd",
        "p -= lr * g / (norm(g, neuron) + eps)\n", F("lr", 0.1), F("eps", 1e-8));

    public static readonly LibraryRule NormalizedSgd = new("NormalizedSgd", "p -= lr * g / norm(g)\n", F("lr", 0.1));

    public static readonly LibraryRule Muon = new("Muon", """
        state m = 0
        m = beta * m + g
        u = m @ transpose(m) @ m
        p -= lr * u / (norm(u) + eps)
        """, F("lr", 0.02), F("beta", 0.95), F("eps", 1e-7));

    public static readonly LibraryRule NoisySgd = new("NoisySgd", "p -= lr * g + sigma * randn()\n", F("lr", 0.1), F("sigma", 0.01));

    public static readonly LibraryRule ClippedSgd = new("ClippedSgd", """
        leaky = where(g > 0, g, 0.01 * g)
        p -= lr * clamp(leaky, -c, c) + lr * wd * relu(p - mean(p))
        """, F("lr", 0.1), F("c", 0.5), F("wd", 0.01));

    public static IReadOnlyList<LibraryRule> All { get; } =
        [Sgd, Momentum, Nesterov, Adam, AdamW, RmsProp, Adagrad, Lion, SignSgd, NeuronNormalizedSgd, NormalizedSgd, Muon, NoisySgd, ClippedSgd];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var rule in All) data.Add(rule.Name);
        return data;
    }

    public static LibraryRule Named(string name) => All.Single(r => r.Name == name);
}
