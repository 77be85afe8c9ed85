using System.Numerics.Tensors;

namespace TopoDsl.Training.Tensors;

/// <summary>Activation functions (PyTorch's definitions) and their derivatives.</summary>
public sealed partial class Tensor
{
    public Tensor Sigmoid() => Unary("Sigmoid", TensorPrimitives.Sigmoid, (x, y, g, dx) =>
    {
        // y (1 - y) g
        TensorPrimitives.Multiply(y, y, dx);
        TensorPrimitives.Subtract(y, dx, dx);
        TensorPrimitives.Multiply(dx, g, dx);
    });

    public Tensor Tanh() => Unary("Tanh", TensorPrimitives.Tanh, (x, y, g, dx) =>
    {
        // (1 - y^2) g
        TensorPrimitives.Multiply(y, y, dx);
        TensorPrimitives.Subtract(1f, dx, dx);
        TensorPrimitives.Multiply(dx, g, dx);
    });

    public Tensor Relu() => Unary("Relu", (x, y) => TensorPrimitives.Max(x, 0f, y), (x, y, g, dx) =>
    {
        for (int i = 0; i < x.Length; i++) dx[i] = x[i] > 0 ? g[i] : 0f; // PyTorch: the derivative at 0 is 0
    });

    /// <summary>log(1 + e^x), and x itself above 20 (PyTorch's threshold, where the two agree in float32).</summary>
    public Tensor Softplus() => Unary("Softplus", (x, y) =>
    {
        for (int i = 0; i < x.Length; i++)
            y[i] = x[i] > SoftplusThreshold ? x[i] : MathF.Max(x[i], 0) + MathF.Log(1 + MathF.Exp(-MathF.Abs(x[i])));
    }, (x, y, g, dx) =>
    {
        for (int i = 0; i < x.Length; i++)
            dx[i] = x[i] > SoftplusThreshold ? g[i] : g[i] / (1 + MathF.Exp(-x[i]));
    });

    private const float SoftplusThreshold = 20f;

    /// <summary>x Φ(x) with the exact normal CDF Φ(x) = (1 + erf(x/√2))/2 (PyTorch's default, not the tanh approximation).</summary>
    public Tensor Gelu() => Unary("Gelu", (x, y) =>
    {
        for (int i = 0; i < x.Length; i++) y[i] = (float)(x[i] * NormalCdf(x[i]));
    }, (x, y, g, dx) =>
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            double density = Math.Exp(-0.5 * v * v) / Math.Sqrt(2 * Math.PI);
            dx[i] = (float)(g[i] * (NormalCdf(v) + v * density));
        }
    });

    private static double NormalCdf(double x) => 0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(x / Math.Sqrt(2)));

    internal delegate void UnaryForward(ReadOnlySpan<float> x, Span<float> y);
    internal delegate void UnaryBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> g, Span<float> dx);

    internal Tensor Unary(string name, UnaryForward forward, UnaryBackward backward)
    {
        var y = new float[Count];
        forward(Data, y);
        var result = new Tensor(y, _shape);
        return result.Record(name, [this], g =>
        {
            var dx = new float[Count];
            backward(Data, y, g.Data, dx);
            SendGrad(this, dx);
        });
    }
}
