using TopoDsl.Training.Modules;

namespace TopoDsl.Experiments;

/// <summary>
/// The experiment's network: a multilayer perceptron by its widths, e.g. <c>[Mlp(784, 1024, 10)]</c>: Linear layers
/// with <see cref="Activation"/> between them. Hidden layer k lies between Linear k and Linear k + 1, and its neurons
/// are the points [W_in[i, :], b_i, W_out[:, i]].
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MlpAttribute(params int[] widths) : Attribute
{
    /// <summary>Input width, hidden widths, output width.</summary>
    public int[] Widths { get; } = widths;

    /// <summary>The activation between Linear layers (default sigmoid, as Yang et al.).</summary>
    public ActivationKind Activation { get; set; } = ActivationKind.Sigmoid;

    /// <summary>Whether the Linear layers have biases (default false, as Yang et al.).</summary>
    public bool Bias { get; set; }
}
