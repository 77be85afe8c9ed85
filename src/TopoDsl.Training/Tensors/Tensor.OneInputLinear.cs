using System.Numerics.Tensors;
using TopoDsl.Training.Autodiff;

namespace TopoDsl.Training.Tensors;

/// <summary>A Linear layer of one input feature and the activation after it, as one operation.</summary>
public sealed partial class Tensor
{
    /// <summary>
    /// activation(input weightᵀ + bias) for an input of one feature ([rows, 1]; weight [width, 1]; bias [width]), a row
    /// at a time: each row of the product is activated while it is in the first-level cache, and the backward pass
    /// takes each row's g f' into a one-row buffer instead of a whole [rows, width] tensor. On the paper's 1-1024-1
    /// network that is two passes fewer over the largest tensor of the step.
    /// </summary>
    /// <remarks>
    /// Every float is the one the separate operations give (MatMulTransposed's outer product, the bias added, the
    /// activation; then the activation's fused derivative and the products' backward sums, in the same order), so
    /// fusing changes no result. That holds when the rows start on a whole vector of the activation's kernels, which is
    /// why <paramref name="weight"/> must have a multiple of <see cref="OneInputLinearWidthMultiple"/> rows. (In a graph
    /// where the weight or the input also feeds other operations, their gradients arrive in the fused node's place in
    /// the backward order; three or more contributions to one tensor may then be summed in another order.)
    /// </remarks>
    internal static Tensor OneInputLinear(Tensor input, Tensor weight, Tensor? bias, OutputDerivedActivation activation)
    {
        if (input.Rank != 2 || input.Dim(1) != 1 || weight.Rank != 2 || weight.Dim(1) != 1 || weight.Dim(0) % OneInputLinearWidthMultiple != 0
            || bias is not null && (bias.Rank != 1 || bias.Dim(0) != weight.Dim(0)))
            throw new ShapeMismatchException(
                $"internal: one-input linear of {Shapes.Format(input.Shape)}, weight {Shapes.Format(weight.Shape)}, bias {(bias is null ? "none" : Shapes.Format(bias.Shape))}");
        int rows = input.Dim(0), width = weight.Dim(0);
        var y = Uninitialized(rows * width);
        for (int i = 0; i < rows; i++)
        {
            var row = y.AsSpan(i * width, width);
            TensorPrimitives.Multiply(weight.Data, input.Data[i], row);
            if (bias is not null) TensorPrimitives.Add(row, bias.Data, row);
            activation.Forward(row, row);
        }
        var result = new Tensor(y, rows, width);
        Tensor[] inputs = bias is null ? [input, weight] : [input, weight, bias];
        return result.Record($"Linear+{activation.Name}", inputs, g =>
        {
            if (GradMode.IsEnabled) OneInputLinearGraphBackward(input, weight, bias, result, activation, g);
            else OneInputLinearBackward(input, weight, bias, result, activation, g);
        });
    }

    /// <summary>The activations' vector kernels work in blocks of up to 16 floats; rows that start on a block give the unfused floats.</summary>
    internal const int OneInputLinearWidthMultiple = 16;

    private static void OneInputLinearBackward(Tensor input, Tensor weight, Tensor? bias, Tensor result, OutputDerivedActivation activation, Tensor g)
    {
        int rows = input.Dim(0), width = weight.Dim(0);
        var dz = Uninitialized(width);
        float[]? weightSum = weight.RequiresGrad ? ZeroedStorage(width) : null;
        float[]? biasSum = bias is { RequiresGrad: true } ? ZeroedStorage(width) : null;
        float[]? inputGradient = input.RequiresGrad ? Uninitialized(rows) : null;
        for (int p = 0; p < rows; p++)
        {
            activation.Fused(result.Data.AsSpan(p * width, width), g.Data.AsSpan(p * width, width), dz);
            if (weightSum is not null) TensorPrimitives.MultiplyAdd(dz, input.Data[p], weightSum, weightSum);
            if (biasSum is not null) TensorPrimitives.Add(biasSum, dz, biasSum);
            if (inputGradient is not null) inputGradient[p] = 1f * TensorPrimitives.Dot(dz, weight.Data) + 0;
        }
        if (weightSum is not null)
        {
            // As the unfused backward's product writes it, -0 included: for one row an outer product (the row's dz times
            // its input, nothing added), for more a matrix-vector product (the sum from +0, then alpha 1 and beta 0).
            if (rows == 1) TensorPrimitives.Multiply(dz, input.Data[0], weightSum);
            else for (int j = 0; j < width; j++) weightSum[j] = 1f * weightSum[j] + 0;
            SendGrad(weight, new Tensor(weightSum, width, 1));
        }
        if (biasSum is not null) SendGrad(bias!, new Tensor(biasSum, width));
        if (inputGradient is not null) SendGrad(input, new Tensor(inputGradient, rows, 1));
    }

    /// <summary>A backward pass that builds a graph (Hessian-vector products): the unfused operations' derivatives, as tensor expressions.</summary>
    private static void OneInputLinearGraphBackward(Tensor input, Tensor weight, Tensor? bias, Tensor result, OutputDerivedActivation activation, Tensor g)
    {
        var dz = g * activation.Derivative(result);
        if (weight.RequiresGrad) SendGrad(weight, MatMul(dz, input, transposeA: true, transposeB: false));
        if (bias is { RequiresGrad: true }) SendGrad(bias, dz.SumTo(bias._shape));
        if (input.RequiresGrad) SendGrad(input, MatMul(dz, weight, transposeA: false, transposeB: false));
    }
}
