using TopoDsl.Training.Modules;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Neurons;

public class HiddenLayerNeuronsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Neuron_i_is_its_input_row_bias_and_output_column(bool bias)
    {
        var mlp = Mlp.Create([3, 5, 2], ActivationKind.Sigmoid, bias, seed: 4);
        var layer = HiddenLayerNeurons.Of(mlp).Single();
        var points = layer.Read();
        Assert.Equal([5, 3 + (bias ? 1 : 0) + 2], points.Shape.ToArray());
        for (int i = 0; i < 5; i++)
        {
            var expected = new List<float>();
            for (int j = 0; j < 3; j++) expected.Add(layer.Input.Weight[i, j]);
            if (bias) expected.Add(layer.Input.Bias!.Data[i]);
            for (int o = 0; o < 2; o++) expected.Add(layer.Output.Weight[o, i]);
            Assert.Equal(expected, points.Data.Skip(i * points.Dim(1)).Take(points.Dim(1)));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Permuting_the_neuron_cloud_leaves_the_network_function_unchanged(bool bias)
    {
        var mlp = Mlp.Create([3, 6, 2], ActivationKind.Tanh, bias, seed: 5);
        var x = new Tensor(Enumerable.Range(0, 12).Select(i => (float)Math.Sin(i)).ToArray(), 4, 3);
        var before = mlp.Forward(x).Data;
        var layer = HiddenLayerNeurons.Of(mlp).Single();
        var points = layer.Read();
        int d = points.Dim(1);
        int[] permutation = [3, 0, 5, 1, 4, 2];
        var permuted = Tensor.Zeros(6, d);
        for (int i = 0; i < 6; i++) points.Data.AsSpan(permutation[i] * d, d).CopyTo(permuted.Data.AsSpan(i * d, d));
        layer.Write(permuted);
        Assert.NotEqual(points.Data, layer.Read().Data);
        var after = mlp.Forward(x).Data;
        for (int k = 0; k < before.Length; k++) Assert.Equal(before[k], after[k], 1e-5f);
    }

    [Fact]
    public void The_layout_gives_the_axis_that_indexes_neurons()
    {
        var mlp = Mlp.Create([3, 5, 2], ActivationKind.Relu, bias: true, seed: 1);
        var layer = HiddenLayerNeurons.Of(mlp).Single();
        Assert.Equal([0, 0, 1], layer.Layout.Select(l => l.Axis.Axis));
        Assert.All(layer.Layout, l => Assert.Equal(5, l.Axis.NeuronCount));
    }
}
