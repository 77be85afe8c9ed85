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

    public static Tensor Add(Tensor a, Tensor b)
    {
        var (result, shape) = Binary(BinaryKernel.Add, a, b);
        return result.Record("Add", [a, b], g =>
        {
            SendGrad(a, Broadcasting.SumToShape(g.Data, shape, a.Shape));
            SendGrad(b, Broadcasting.SumToShape(g.Data, shape, b.Shape));
        });
    }

    public static Tensor Subtract(Tensor a, Tensor b)
    {
        var (result, shape) = Binary(BinaryKernel.Subtract, a, b);
        return result.Record("Subtract", [a, b], g =>
        {
            SendGrad(a, Broadcasting.SumToShape(g.Data, shape, a.Shape));
            if (!b.RequiresGrad) return;
            var negated = Broadcasting.SumToShape(g.Data, shape, b.Shape);
            TensorPrimitives.Negate(negated, negated);
            SendGrad(b, negated);
        });
    }

    public static Tensor Multiply(Tensor a, Tensor b)
    {
        var (result, shape) = Binary(BinaryKernel.Multiply, a, b);
        return result.Record("Multiply", [a, b], g =>
        {
            if (a.RequiresGrad)
                SendGrad(a, Broadcasting.SumToShape(BinaryKernel.Multiply.Apply(g.Data, shape, b.Data, b.Shape, shape), shape, a.Shape));
            if (b.RequiresGrad)
                SendGrad(b, Broadcasting.SumToShape(BinaryKernel.Multiply.Apply(g.Data, shape, a.Data, a.Shape, shape), shape, b.Shape));
        });
    }

    public static Tensor Divide(Tensor a, Tensor b)
    {
        var (result, shape) = Binary(BinaryKernel.Divide, a, b);
        return result.Record("Divide", [a, b], g =>
        {
            // d(a/b)/da = 1/b, d(a/b)/db = -(a/b)/b
            var gOverB = BinaryKernel.Divide.Apply(g.Data, shape, b.Data, b.Shape, shape);
            if (a.RequiresGrad) SendGrad(a, Broadcasting.SumToShape(gOverB, shape, a.Shape));
            if (!b.RequiresGrad) return;
            var gb = new float[gOverB.Length];
            TensorPrimitives.Multiply(gOverB, result.Data, gb);
            TensorPrimitives.Negate(gb, gb);
            SendGrad(b, Broadcasting.SumToShape(gb, shape, b.Shape));
        });
    }

    public static Tensor Negate(Tensor a)
    {
        var data = new float[a.Count];
        TensorPrimitives.Negate(a.Data, data);
        return new Tensor(data, a._shape).Record("Negate", [a], g =>
        {
            var n = new float[g.Count];
            TensorPrimitives.Negate(g.Data, n);
            SendGrad(a, n);
        });
    }

    private static (Tensor Result, int[] Shape) Binary(BinaryKernel kernel, Tensor a, Tensor b)
    {
        var shape = Broadcasting.ResultShape(kernel.Name, a.Shape, b.Shape);
        return (new Tensor(kernel.Apply(a.Data, a.Shape, b.Data, b.Shape, shape), shape), shape);
    }
}
