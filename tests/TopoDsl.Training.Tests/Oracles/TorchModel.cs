namespace TopoDsl.Training.Tests.Oracles;

public enum Activation { Sigmoid, Tanh, Relu, Softplus, Gelu }

/// <summary>Mse: mean over all output elements (F.mse_loss). CrossEntropy: logits and integer labels, mean over the batch.</summary>
public enum LossKind { Mse, CrossEntropy }

public enum PoolKind { Max, Avg }

/// <summary>
/// A model the torch oracle can build. Parameters travel as float32 arrays in PyTorch's layouts and in
/// the order of <c>model.parameters()</c>, which <see cref="ParameterShapes"/> lists.
/// </summary>
public abstract record TorchModel(Activation Activation, LossKind Loss)
{
    public abstract IReadOnlyList<int[]> ParameterShapes();

    /// <summary>Output width: the number of logits or regression targets per sample.</summary>
    public abstract int Outputs { get; }

    internal abstract object ToJson();

    internal static string Name(Activation a) => a.ToString().ToLowerInvariant();

    internal static string Name(LossKind l) => l == LossKind.Mse ? "mse" : "cross_entropy";
}
