using System.Numerics.Tensors;

namespace TopoDsl.Training.Tensors;

/// <summary>
/// Elementwise functions (PyTorch's definitions). Each derivative is written with tensor operations, so it
/// can be differentiated again: that is what Hessian-vector products need.
/// </summary>
public sealed partial class Tensor
{
    public Tensor Sigmoid() => Unary(OutputDerivedActivation.Sigmoid);

    public Tensor Tanh() => Unary(OutputDerivedActivation.Tanh);

    public Tensor Exp() => Unary("Exp", TensorPrimitives.Exp, (x, y) => y);

    /// <summary>max(x, 0); its derivative at 0 is 0, as in PyTorch.</summary>
    public Tensor Relu() => Unary("Relu", (x, y) => TensorPrimitives.Max(x, 0f, y), (x, y) => x.Step(), (x, y, g, dx) => FusedDerivatives.Relu(x, g, dx));

    /// <summary>log(1 + e^x), and x itself above 20 (PyTorch's threshold, where the two agree in float32).</summary>
    public Tensor Softplus() => Unary("Softplus", (x, y) =>
    {
        for (int i = 0; i < x.Length; i++)
            y[i] = x[i] > SoftplusThreshold ? x[i] : MathF.Max(x[i], 0) + MathF.Log(1 + MathF.Exp(-MathF.Abs(x[i])));
    }, (x, y) => x.Sigmoid());

    private const float SoftplusThreshold = 20f;

    /// <summary>x Φ(x) with the exact normal CDF (PyTorch's default GELU, not the tanh approximation).</summary>
    public Tensor Gelu() => this * NormalCdf();

    /// <summary>Φ(x) = (1 + erf(x/√2))/2, computed in double.</summary>
    public Tensor NormalCdf() => Unary("NormalCdf", (x, y) =>
    {
        for (int i = 0; i < x.Length; i++) y[i] = (float)(0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(x[i] / Math.Sqrt(2))));
    }, (x, y) => x.NormalPdf());

    /// <summary>φ(x) = e^(-x²/2)/√(2π); φ'(x) = -x φ(x).</summary>
    public Tensor NormalPdf() => Unary("NormalPdf", (x, y) =>
    {
        for (int i = 0; i < x.Length; i++) y[i] = (float)(Math.Exp(-0.5 * x[i] * x[i]) / Math.Sqrt(2 * Math.PI));
    }, (x, y) => -(x * y));

    /// <summary>1 where x &gt; 0, else 0: a constant (its derivative is zero almost everywhere).</summary>
    public Tensor Step()
    {
        var y = ZeroedStorage(Count);
        for (int i = 0; i < y.Length; i++) y[i] = Data[i] > 0 ? 1f : 0f;
        return new Tensor(y, _shape);
    }

    internal delegate void UnaryForward(ReadOnlySpan<float> x, Span<float> y);
    internal delegate void FusedBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx);

    /// <summary>An activation whose derivative its output gives (sigmoid, tanh), from its one definition.</summary>
    private Tensor Unary(OutputDerivedActivation activation) =>
        Unary(activation.Name, activation.Forward, (_, y) => activation.Derivative(y), (_, y, g, dx) => activation.Fused(y, g, dx));

    /// <summary>
    /// y = f(x) elementwise; <paramref name="derivative"/>(x, y) gives f'(x) as a tensor expression, used when
    /// the backward pass builds a graph. Otherwise <paramref name="fused"/>, when given, computes g f'(x) in one
    /// pass without temporaries (the common, first-order case).
    /// </summary>
    internal Tensor Unary(string name, UnaryForward forward, Func<Tensor, Tensor, Tensor> derivative, FusedBackward? fused = null)
    {
        var y = Uninitialized(Count);
        forward(Data, y);
        var result = new Tensor(y, _shape);
        return result.Record(name, [this], g =>
        {
            if (fused is not null && !Autodiff.GradMode.IsEnabled)
            {
                var dx = Uninitialized(Count);
                fused(Data, y, g.Data, dx);
                SendGrad(this, new Tensor(dx, _shape));
            }
            else SendGrad(this, g * derivative(this, result));
        });
    }
}
