using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TopoDsl.Training.Autodiff;
using TopoDsl.Training.Modules;
using TopoDsl.Training.SecondOrder;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Modules;

/// <summary>
/// A one-input Linear layer and the sigmoid or tanh after it, fused, give the floats of the two operations apart:
/// the output, every gradient, and a Hessian-vector product (whose backward pass builds a graph).
/// </summary>
public sealed class OneInputLinearTests
{
    [Property(MaxTest = 120)]
    public void Fused_and_separate_give_the_same_floats(PositiveInt rowCount, PositiveInt blocks, bool bias, bool tanh, bool inputTakesGradient, int seed)
    {
        // One row in a quarter of the cases: its weight gradient is an outer product in the unfused backward, not a sum.
        int rows = rowCount.Get % 4 == 0 ? 1 : 1 + rowCount.Get % 40, width = Tensor.OneInputLinearWidthMultiple * (1 + blocks.Get % 6);
        var kind = tanh ? ActivationKind.Tanh : ActivationKind.Sigmoid;
        var rng = new Rng((ulong)seed);
        var linear = new Linear(1, width, bias, rng);
        // Inputs spread wide enough to reach the sigmoid's saturated ends, where its kernel takes another path; the first
        // near 0, so that some neuron is not saturated and the gradients are not all zeros (a lone wide input can saturate all).
        var input = new Tensor(Enumerable.Range(0, rows).Select(r => (float)(rng.Normal() * (r == 0 ? 1 : 40))).ToArray(), rows, 1) { RequiresGrad = inputTakesGradient };
        var weights = new Tensor(Enumerable.Range(0, rows * width).Select(_ => (float)rng.Normal()).ToArray(), rows, width);

        var fused = linear.Forward(input, kind);
        Assert.Equal($"Linear+{kind}", fused.Node!.Operation); // the fused operation was the one taken
        var (fusedGradients, fusedOutput) = FirstOrder(fused, linear, input, weights);
        var separate = Activation.Apply(kind, linear.Forward(input));
        var (separateGradients, separateOutput) = FirstOrder(separate, linear, input, weights);

        // Bit patterns, so that -0 and +0 differ (saturated activations give zero derivatives).
        Assert.Equal(Bits(separateOutput), Bits(fusedOutput));
        Assert.Equal(separateGradients.Count, fusedGradients.Count);
        for (int k = 0; k < separateGradients.Count; k++) Assert.Equal(Bits(separateGradients[k]), Bits(fusedGradients[k]));
        Assert.Contains(fusedGradients[0], g => g != 0); // gradients of zeros would prove nothing

        var parameters = linear.Parameters().ToList();
        var direction = parameters.Select(p => new Tensor(Enumerable.Range(0, p.Count).Select(_ => (float)rng.Normal()).ToArray(), p.Shape.ToArray())).ToList();
        var fusedProduct = Hessian.VectorProduct(() => (linear.Forward(input, kind) * weights).Sum(), parameters, direction);
        var separateProduct = Hessian.VectorProduct(() => (Activation.Apply(kind, linear.Forward(input)) * weights).Sum(), parameters, direction);
        for (int k = 0; k < parameters.Count; k++) Assert.Equal(Bits(separateProduct[k].Data), Bits(fusedProduct[k].Data));
    }

    [Fact]
    public void A_layer_of_more_inputs_or_another_width_or_activation_is_not_fused()
    {
        var rng = new Rng(3);
        var two = new Tensor(new float[8], 4, 2);
        Assert.Equal("Sigmoid", new Linear(2, 32, false, rng).Forward(two, ActivationKind.Sigmoid).Node!.Operation);
        var one = new Tensor(new float[4], 4, 1);
        Assert.Equal("Sigmoid", new Linear(1, 24, false, rng).Forward(one, ActivationKind.Sigmoid).Node!.Operation);
        Assert.Equal("Relu", new Linear(1, 32, false, rng).Forward(one, ActivationKind.Relu).Node!.Operation);
    }

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();

    private static (List<float[]> Gradients, float[] Output) FirstOrder(Tensor output, Linear linear, Tensor input, Tensor weights)
    {
        linear.ZeroGrad();
        input.ZeroGrad();
        (output * weights).Sum().Backward();
        var gradients = linear.Parameters().Select(p => p.Grad!.Data.ToArray()).ToList();
        if (input.RequiresGrad) gradients.Add(input.Grad!.Data.ToArray());
        return (gradients, output.Data.ToArray());
    }
}
