using TopoDsl.Training.Tests.Oracles.Reference;

namespace TopoDsl.Training.Tests.Oracles;

public class TorchOracleBehaviourTests
{
    private static readonly Mlp Model = new([3, 4, 2], bias: true, Activation.Gelu, LossKind.CrossEntropy);

    [TorchFact]
    public void A_batch_of_cases_answers_exactly_like_single_calls()
    {
        var random = new System.Random(31);
        var cases = Enumerable.Range(0, 3).Select(_ => new TorchCase(Model, Samples.Parameters(random, Model),
            Samples.Uniform(random, 4 * 3), [4, 3], Samples.Labels(random, 4, 2))).ToArray();

        var batch = TorchOracle.LossAndGradients(cases);

        var single = TorchOracle.LossAndGradients(cases[2].Model, cases[2].Parameters, cases[2].Inputs, cases[2].InputShape, cases[2].Targets);
        Assert.Equal(single.Loss, batch[2].Loss);
        Assert.Equal(single.Gradients, batch[2].Gradients);
        Assert.NotEqual(batch[0].Loss, batch[1].Loss);
    }

    [TorchFact]
    public void A_python_side_error_fails_with_pythons_message()
    {
        var random = new System.Random(32);

        var error = Assert.Throws<TorchOracleException>(() => TorchOracle.LossAndGradients(
            Model, Samples.Parameters(random, Model), Samples.Uniform(random, 2 * 3), [2, 3], new[] { 0, 7 }));

        Assert.Contains("out of bounds", error.Message);
        Assert.Contains("case 0 (loss_and_gradients, mlp)", error.Message);
    }

    [Fact]
    public void Parameters_that_do_not_fit_the_model_are_refused_before_python_starts()
    {
        var random = new System.Random(33);
        var parameters = Samples.Parameters(random, Model);
        parameters[1] = new float[5];

        var error = Assert.Throws<ArgumentException>(() =>
            TorchOracle.LossAndGradients(Model, parameters, Samples.Uniform(random, 6), [2, 3], new[] { 0, 1 }));

        Assert.Contains("parameter 1 has shape [4] (4 values), 5 were given", error.Message);
    }

    [Fact]
    public void Cnn_parameter_shapes_follow_torch_layouts_and_order()
    {
        var model = new SmallCnn(3, 8, 7, new Conv2dSpec(4, 3, Stride: 2, Padding: 1), Activation.Relu,
            new Pool2dSpec(PoolKind.Max, 2, 2), Outputs: 5, LinearBias: true, LossKind.CrossEntropy);

        // conv: floor((8 + 2 - 3) / 2) + 1 = 4 by floor((7 + 2 - 3) / 2) + 1 = 4; pool: 2 by 2.
        Assert.Equal([[4, 3, 3, 3], [4], [5, 16], [5]], model.ParameterShapes());
    }
}
