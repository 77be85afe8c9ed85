using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Modules;

public enum ActivationKind { Identity, Sigmoid, Tanh, Relu, Softplus, Gelu }

/// <summary>An elementwise activation as a module with no parameters.</summary>
public sealed class Activation(ActivationKind kind) : Module
{
    public ActivationKind Kind { get; } = kind;

    public override Tensor Forward(Tensor input) => Apply(Kind, input);

    public static Tensor Apply(ActivationKind kind, Tensor x) => kind switch
    {
        ActivationKind.Identity => x,
        ActivationKind.Sigmoid => x.Sigmoid(),
        ActivationKind.Tanh => x.Tanh(),
        ActivationKind.Relu => x.Relu(),
        ActivationKind.Softplus => x.Softplus(),
        ActivationKind.Gelu => x.Gelu(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown activation"),
    };

    /// <summary>The activations whose derivative their output gives, which a one-input Linear layer fuses with itself.</summary>
    internal static OutputDerivedActivation? OutputDerived(ActivationKind kind) => kind switch
    {
        ActivationKind.Sigmoid => OutputDerivedActivation.Sigmoid,
        ActivationKind.Tanh => OutputDerivedActivation.Tanh,
        _ => null,
    };

    public override IEnumerable<(string Name, Tensor Value)> NamedParameters() => [];

    public override string ToString() => Kind.ToString();
}
