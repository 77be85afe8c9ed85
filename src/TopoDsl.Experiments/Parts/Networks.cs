using TopoDsl.Experiments.Definitions;
using TopoDsl.Training.Modules;

namespace TopoDsl.Experiments.Parts;

/// <summary>The networks an experiment can declare, as the generated code builds them.</summary>
public static class Networks
{
    /// <summary>An MLP by widths (<see cref="MlpAttribute"/>).</summary>
    public static NetworkChoice Mlp(int[] widths, ActivationKind activation, bool bias)
    {
        var copy = widths.ToArray();
        string description = $"MLP {string.Join("-", copy)}, {activation.ToString().ToLowerInvariant()}, {(bias ? "with" : "no")} bias";
        return new NetworkChoice(description, seed => Training.Modules.Mlp.Create(copy, activation, bias, seed));
    }

    /// <summary>The same MLP with every hidden width set to <paramref name="neurons"/> (for <c>--quick</c>).</summary>
    public static NetworkChoice Mlp(int[] widths, ActivationKind activation, bool bias, int neurons) =>
        Mlp(widths.Select((w, i) => i == 0 || i == widths.Length - 1 ? w : neurons).ToArray(), activation, bias);

    /// <summary>A network from a <see cref="NetworkAttribute"/> method.</summary>
    public static NetworkChoice FromMethod(string description, Func<ulong, Module> create) => new(description, create);
}
