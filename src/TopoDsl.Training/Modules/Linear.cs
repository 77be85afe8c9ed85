using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Modules;

/// <summary>
/// y = x W^T + b with PyTorch's layout: Weight is [out, in], Bias is [out]. The default initialisation is
/// PyTorch's: uniform in ±1/sqrt(in) for both (kaiming_uniform with a = sqrt(5)).
/// </summary>
public sealed class Linear : Module
{
    public Linear(int inFeatures, int outFeatures, bool bias, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        double bound = 1 / Math.Sqrt(inFeatures);
        Weight = Parameter(UniformValues(rng, outFeatures * inFeatures, bound), outFeatures, inFeatures);
        Bias = bias ? Parameter(UniformValues(rng, outFeatures, bound), outFeatures) : null;
    }

    public int InFeatures { get; }
    public int OutFeatures { get; }
    public Tensor Weight { get; }
    public Tensor? Bias { get; }

    public override Tensor Forward(Tensor input)
    {
        if (input.Rank != 2 || input.Dim(1) != InFeatures)
            throw new ShapeMismatchException($"Linear({InFeatures} -> {OutFeatures}): input must be [batch, {InFeatures}], not {Shapes.Format(input.Shape)}");
        var y = input.MatMulTransposed(Weight);
        return Bias is null ? y : y + Bias;
    }

    /// <summary>
    /// <paramref name="activation"/> applied to <see cref="Forward(Tensor)"/>: the same floats and gradients. A layer of
    /// one input feature whose width is a multiple of 16, followed by a sigmoid or tanh (the paper's 1-H-1 networks),
    /// computes the two as one operation a row at a time, which saves two passes over its output in every step.
    /// </summary>
    public Tensor Forward(Tensor input, ActivationKind activation)
    {
        if (InFeatures == 1 && OutFeatures % Tensor.OneInputLinearWidthMultiple == 0 && Activation.OutputDerived(activation) is { } fusable
            && input.Rank == 2 && input.Dim(1) == 1)
            return Tensor.OneInputLinear(input, Weight, Bias, fusable);
        return Activation.Apply(activation, Forward(input));
    }

    public override IEnumerable<(string Name, Tensor Value)> NamedParameters()
    {
        yield return ("weight", Weight);
        if (Bias is not null) yield return ("bias", Bias);
    }

    public override string ToString() => $"Linear({InFeatures}, {OutFeatures}, bias={Bias is not null})";
}
