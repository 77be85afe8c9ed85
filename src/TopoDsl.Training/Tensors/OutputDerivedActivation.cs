namespace TopoDsl.Training.Tensors;

/// <summary>
/// An elementwise activation whose derivative is a function of its output alone (sigmoid: y (1 - y); tanh: 1 - y²),
/// so that its backward pass needs neither its input nor a copy of it: what lets a layer fuse it with the product
/// before it (<see cref="Tensor.OneInputLinear"/>). One definition serves the activation on its own and fused.
/// </summary>
internal sealed record OutputDerivedActivation(
    string Name,
    Tensor.UnaryForward Forward,
    Func<Tensor, Tensor> Derivative,
    OutputDerivedActivation.FusedBackward Fused)
{
    /// <summary>dx = g f'(x), with f'(x) read from y = f(x), in one pass.</summary>
    public delegate void FusedBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx);

    public static readonly OutputDerivedActivation Sigmoid = new("Sigmoid", SigmoidKernel.Apply, y => y * (1f - y), FusedDerivatives.Sigmoid);

    public static readonly OutputDerivedActivation Tanh = new("Tanh", System.Numerics.Tensors.TensorPrimitives.Tanh, y => 1f - y * y, FusedDerivatives.Tanh);
}
