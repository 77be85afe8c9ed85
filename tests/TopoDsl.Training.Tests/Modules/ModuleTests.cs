using TopoDsl.Training.Modules;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Tests.Modules;

public class ModuleTests
{
    [Fact]
    public void Linear_computes_x_times_w_transposed_plus_b()
    {
        var layer = new Linear(3, 2, bias: true, new Rng(1));
        var x = new Tensor([1f, 2f, 3f, -1f, 0f, 0.5f], 2, 3);
        var y = layer.Forward(x);
        for (int n = 0; n < 2; n++)
            for (int o = 0; o < 2; o++)
            {
                double expected = layer.Bias!.Data[o];
                for (int i = 0; i < 3; i++) expected += x[n, i] * layer.Weight[o, i];
                Assert.Equal(expected, y[n, o], 1e-5);
            }
    }

    [Fact]
    public void Initialisation_is_pytorchs_uniform_bound_and_seeded()
    {
        var a = Mlp.Create([50, 20, 3], ActivationKind.Relu, bias: true, seed: 7);
        var b = Mlp.Create([50, 20, 3], ActivationKind.Relu, bias: true, seed: 7);
        var c = Mlp.Create([50, 20, 3], ActivationKind.Relu, bias: true, seed: 8);
        Assert.Equal(a.Parameters().SelectMany(p => p.Data), b.Parameters().SelectMany(p => p.Data));
        Assert.NotEqual(a.Parameters().SelectMany(p => p.Data), c.Parameters().SelectMany(p => p.Data));
        var first = (Linear)a.Layers[0];
        Assert.All(first.Weight.Data, w => Assert.InRange(w, -1 / Math.Sqrt(50), 1 / Math.Sqrt(50)));
        Assert.True(first.Weight.Data.Max() > 0.8 / Math.Sqrt(50), "uniform samples should come near the bound");
    }

    [Fact]
    public void Parameters_are_named_as_in_pytorch_sequential()
    {
        var mlp = Mlp.Create([4, 8, 8, 2], ActivationKind.Tanh, bias: false, seed: 1);
        Assert.Equal(["0.weight", "2.weight", "4.weight"], mlp.NamedParameters().Select(p => p.Name));
        Assert.Equal([8, 4], mlp.NamedParameters().First().Value.Shape.ToArray());
    }

    [Fact]
    public void A_wrong_input_width_names_the_layer_and_the_shape()
    {
        var layer = new Linear(3, 2, bias: true, new Rng(1));
        var e = Assert.Throws<ShapeMismatchException>(() => layer.Forward(Tensor.Zeros(5, 4)));
        Assert.Contains("Linear(3 -> 2)", e.Message);
        Assert.Contains("[5, 4]", e.Message);
    }

    [Fact]
    public void Weights_round_trip_through_a_file_and_mismatches_are_refused()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "w.bin");
        var saved = Mlp.Create([3, 5, 2], ActivationKind.Sigmoid, bias: true, seed: 1);
        WeightsFile.Save(saved, path);
        var other = Mlp.Create([3, 5, 2], ActivationKind.Sigmoid, bias: true, seed: 2);
        WeightsFile.Load(other, path);
        Assert.Equal(saved.Parameters().SelectMany(p => p.Data), other.Parameters().SelectMany(p => p.Data));

        var wider = Mlp.Create([3, 6, 2], ActivationKind.Sigmoid, bias: true, seed: 3);
        var before = wider.Parameters().SelectMany(p => p.Data).ToArray();
        var e = Assert.Throws<InvalidDataException>(() => WeightsFile.Load(wider, path));
        Assert.Contains("'0.weight' has shape [5, 3], the model's is [6, 3]", e.Message);
        Assert.Equal(before, wider.Parameters().SelectMany(p => p.Data));

        File.WriteAllBytes(path, File.ReadAllBytes(path)[..40]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => WeightsFile.Load(other, path)).Message);
    }
}
