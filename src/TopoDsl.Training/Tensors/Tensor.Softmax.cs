namespace TopoDsl.Training.Tensors;

/// <summary>Log-softmax along the last axis, computed stably (the row maximum is subtracted first).</summary>
public sealed partial class Tensor
{
    public Tensor LogSoftmax()
    {
        if (Rank == 0) throw new ShapeMismatchException("LogSoftmax needs at least one axis");
        int classes = Dim(-1);
        int rows = classes == 0 ? 0 : Count / classes;
        var y = Uninitialized(Count);
        for (int r = 0; r < rows; r++)
        {
            var x = Data.AsSpan(r * classes, classes);
            float max = System.Numerics.Tensors.TensorPrimitives.Max(x);
            double sum = 0;
            foreach (float v in x) sum += Math.Exp(v - max);
            float logSum = max + (float)Math.Log(sum);
            for (int c = 0; c < classes; c++) y[r * classes + c] = x[c] - logSum;
        }
        var result = new Tensor(y, _shape);
        // dx = g - softmax(x) * (row sums of g), with softmax(x) = exp(y)
        return result.Record("LogSoftmax", [this], g => SendGrad(this, g - result.Exp() * g.Sum(-1, keepDim: true)));
    }
}
