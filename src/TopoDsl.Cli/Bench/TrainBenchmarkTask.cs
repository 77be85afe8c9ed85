using TopoDsl.Training.LinearAlgebra;
using TopoDsl.Training.Modules;

namespace TopoDsl.Cli.Bench;

/// <summary>
/// One training-step benchmark: an MLP, its batch, MSE loss and plain SGD, on a chosen GEMM backend (null: the
/// default, <see cref="Gemm.DefaultBackend"/>).
/// </summary>
internal sealed record TrainBenchmarkTask(string Name, string Description, int[] Widths, ActivationKind Activation, bool Bias,
    int Batch, GemmBackend? Backend)
{
    public static readonly TrainBenchmarkTask[] Standard =
    [
        new("a", "MLP 784-256-10, ReLU, batch 128, MSE, SGD", [784, 256, 10], ActivationKind.Relu, true, 128, null),
        new("b", "paper's 2-D net 1-1024-1, sigmoid, no bias, batch 128, MSE, SGD", [1, 1024, 1], ActivationKind.Sigmoid, false, 128, null),
        new("c", "task a on the managed GEMM", [784, 256, 10], ActivationKind.Relu, true, 128, GemmBackend.Managed),
        new("d", "task a on OpenBLAS (for comparison; no target)", [784, 256, 10], ActivationKind.Relu, true, 128, GemmBackend.OpenBlas),
    ];

    /// <summary>The ratio issue 3 asks for, TopoDsl time over PyTorch time at equal threads; none for d.</summary>
    public double? Target => Name switch { "a" => 0.8, "b" => 0.3, "c" => 1.2, _ => null };

    public GemmBackend EffectiveBackend => Backend ?? Gemm.DefaultBackend;

    public string TorchActivation => Activation.ToString().ToLowerInvariant();
}
