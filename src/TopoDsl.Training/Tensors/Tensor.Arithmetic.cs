using System.Numerics.Tensors;

namespace TopoDsl.Training.Tensors;

/// <summary>Elementwise arithmetic with broadcasting, and its gradients.</summary>
public sealed partial class Tensor
{
    public static Tensor operator +(Tensor a, Tensor b) => Add(a, b);
    public static Tensor operator -(Tensor a, Tensor b) => Subtract(a, b);
    public static Tensor operator *(Tensor a, Tensor b) => Multiply(a, b);
    public static Tensor operator /(Tensor a, Tensor b) => Divide(a, b);
    public static Tensor operator +(Tensor a, float b) => Add(a, Scalar(b));
    public static Tensor operator -(Tensor a, float b) => Subtract(a, Scalar(b));
    public static Tensor operator *(Tensor a, float b) => Multiply(a, Scalar(b));
    public static Tensor operator /(Tensor a, float b) => Divide(a, Scalar(b));
    public static Tensor operator +(float a, Tensor b) => Add(Scalar(a), b);
    public static Tensor operator -(float a, Tensor b) => Subtract(Scalar(a), b);
    public static Tensor operator *(float a, Tensor b) => Multiply(Scalar(a), b);
    public static Tensor operator /(float a, Tensor b) => Divide(Scalar(a), b);
    public static Tensor operator -(Tensor a) => Negate(a);

    // Each backward sums a gradient down to an input's shape only when that input takes one: the constant of 1 - s in
    // the sigmoid's derivative would otherwise sum a whole batch's gradient for nothing, at every Hessian-vector product.
    public static Tensor Add(Tensor a, Tensor b) => Binary(BinaryKernel.Add, a, b, (g, _) =>
    {
        if (a.RequiresGrad) SendGrad(a, g.SumTo(a._shape));
        if (b.RequiresGrad) SendGrad(b, g.SumTo(b._shape));
    });

    public static Tensor Subtract(Tensor a, Tensor b) => Binary(BinaryKernel.Subtract, a, b, (g, _) =>
    {
        if (a.RequiresGrad) SendGrad(a, g.SumTo(a._shape));
        if (b.RequiresGrad) SendGrad(b, (-g).SumTo(b._shape));
    });

    public static Tensor Multiply(Tensor a, Tensor b) => Binary(BinaryKernel.Multiply, a, b, (g, _) =>
    {
        if (a.RequiresGrad) SendGrad(a, (g * b).SumTo(a._shape));
        if (b.RequiresGrad) SendGrad(b, (g * a).SumTo(b._shape));
    });

    public static Tensor Divide(Tensor a, Tensor b) => Binary(BinaryKernel.Divide, a, b, (g, quotient) =>
    {
        // d(a/b)/da = 1/b, d(a/b)/db = -(a/b)/b
        var gOverB = g / b;
        if (a.RequiresGrad) SendGrad(a, gOverB.SumTo(a._shape));
        if (b.RequiresGrad) SendGrad(b, (-(gOverB * quotient)).SumTo(b._shape));
    });

    public static Tensor Negate(Tensor a)
    {
        var data = Uninitialized(a.Count);
        TensorPrimitives.Negate(a.Data, data);
        return new Tensor(data, a._shape).Record("Negate", [a], g => SendGrad(a, -g));
    }

    /// <summary>Applies the kernel with broadcasting; the backward gets the output gradient and the result itself.</summary>
    private static Tensor Binary(BinaryKernel kernel, Tensor a, Tensor b, Action<Tensor, Tensor> backward)
    {
        var shape = Broadcasting.ResultShape(kernel.Name, a.Shape, b.Shape);
        var result = new Tensor(kernel.Apply(a.Data, a.Shape, b.Data, b.Shape, shape), shape);
        return result.Record(kernel.Name, [a, b], g => backward(g, result));
    }
}
