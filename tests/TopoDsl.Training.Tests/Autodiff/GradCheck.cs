using TopoDsl.Training;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Autodiff;

/// <summary>
/// Compares reverse-mode gradients with central finite differences. The forward pass is float32, so the
/// difference quotient carries round-off of about 1e-7 |f| / eps; with eps = 1e-3 and values of order one,
/// a correct gradient agrees to about 1e-4 while a wrong formula is off by order one.
/// </summary>
internal static class GradCheck
{
    public static Tensor Random(ulong seed, params int[] shape) => RandomAwayFromZero(seed, 0, shape);

    /// <summary>Values in [-2, 2] with |x| >= <paramref name="margin"/> (keeps relu's kink out of the finite difference).</summary>
    public static Tensor RandomAwayFromZero(ulong seed, double margin, params int[] shape)
    {
        var rng = new Rng(seed);
        var t = Tensor.Zeros(shape);
        for (int i = 0; i < t.Count; i++)
        {
            double v;
            do v = rng.Uniform(-2, 2); while (Math.Abs(v) < margin);
            t.Data[i] = (float)v;
        }
        t.RequiresGrad = true;
        return t;
    }

    public static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Check(f, 1e-3f, 2e-3, inputs);

    public static void Check(Func<Tensor[], Tensor> f, float eps, double tolerance, params Tensor[] inputs)
    {
        foreach (var input in inputs) input.ZeroGrad();
        var output = f(inputs);
        output.Backward();
        for (int k = 0; k < inputs.Length; k++)
        {
            var input = inputs[k];
            Assert.NotNull(input.Grad);
            for (int i = 0; i < input.Count; i++)
            {
                float saved = input.Data[i];
                input.Data[i] = saved + eps;
                double plus = f(inputs).ToScalar();
                input.Data[i] = saved - eps;
                double minus = f(inputs).ToScalar();
                input.Data[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double analytic = input.Grad!.Data[i];
                Assert.True(Math.Abs(analytic - numeric) <= tolerance * Math.Max(1, Math.Abs(numeric)),
                    $"input {k}, element {i}: analytic {analytic} vs numeric {numeric}");
            }
        }
    }
}
