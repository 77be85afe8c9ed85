namespace TopoDsl.Training.Modules;

/// <summary>Builds multilayer perceptrons: Linear layers with an activation between them (none after the last).</summary>
public static class Mlp
{
    /// <param name="widths">input width, hidden widths, output width, e.g. [784, 256, 10]</param>
    public static Sequential Create(IReadOnlyList<int> widths, ActivationKind activation, bool bias, ulong seed)
    {
        if (widths.Count < 2) throw new ArgumentException("an MLP needs at least an input and an output width", nameof(widths));
        var rng = new Rng(seed);
        var layers = new List<Module>();
        for (int i = 0; i + 1 < widths.Count; i++)
        {
            layers.Add(new Linear(widths[i], widths[i + 1], bias, rng));
            if (i + 2 < widths.Count) layers.Add(new Activation(activation));
        }
        return new Sequential(layers.ToArray());
    }
}
