using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Modules;

/// <summary>
/// A 2-D convolution layer with PyTorch's layout (weight [out, in, k, k], bias [out]) and initialisation
/// (uniform in ±1/sqrt(in * k * k) for both).
/// </summary>
public sealed class Conv2d : Module
{
    public Conv2d(int inChannels, int outChannels, int kernel, Rng rng, int stride = 1, int padding = 0, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernel);
        Stride = stride;
        Padding = padding;
        double bound = 1 / Math.Sqrt(inChannels * kernel * kernel);
        Weight = Parameter(UniformValues(rng, outChannels * inChannels * kernel * kernel, bound), outChannels, inChannels, kernel, kernel);
        Bias = bias ? Parameter(UniformValues(rng, outChannels, bound), outChannels) : null;
    }

    public Tensor Weight { get; }
    public Tensor? Bias { get; }
    public int Stride { get; }
    public int Padding { get; }

    public override Tensor Forward(Tensor input) => input.Conv2d(Weight, Bias, Stride, Padding);

    public override IEnumerable<(string Name, Tensor Value)> NamedParameters()
    {
        yield return ("weight", Weight);
        if (Bias is not null) yield return ("bias", Bias);
    }
}
