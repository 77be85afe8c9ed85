using MathNet.Numerics;

namespace TopoDsl.Training.Tests.Oracles.Reference;

/// <summary>The activations and their derivatives in double precision, as PyTorch defines them.</summary>
internal static class ReferenceActivation
{
    private const double SoftplusThreshold = 20;

    public static double Apply(Activation a, double x) => a switch
    {
        Activation.Sigmoid => Sigmoid(x),
        Activation.Tanh => Math.Tanh(x),
        Activation.Relu => Math.Max(x, 0),
        Activation.Softplus => x > SoftplusThreshold ? x : Math.Log(1 + Math.Exp(x)),
        Activation.Gelu => x * NormalCdf(x),
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    public static double Derivative(Activation a, double x) => a switch
    {
        Activation.Sigmoid => Sigmoid(x) * (1 - Sigmoid(x)),
        Activation.Tanh => 1 - Math.Tanh(x) * Math.Tanh(x),
        Activation.Relu => x > 0 ? 1 : 0,
        Activation.Softplus => x > SoftplusThreshold ? 1 : Sigmoid(x),
        Activation.Gelu => NormalCdf(x) + x * Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI),
        _ => throw new ArgumentOutOfRangeException(nameof(a)),
    };

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double NormalCdf(double x) => 0.5 * (1 + SpecialFunctions.Erf(x / Math.Sqrt(2)));
}
