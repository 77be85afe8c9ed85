namespace TopoDsl.Training.Tests.Oracles;

/// <summary>
/// One oracle question: a model, its parameters (float32, PyTorch layouts, <see cref="TorchModel.ParameterShapes"/>
/// order), a batch of inputs (row-major, shape [N, features] or [N, C, H, W]) and its targets.
/// </summary>
public sealed record TorchCase(TorchModel Model, float[][] Parameters, float[] Inputs, int[] InputShape, OracleTargets Targets)
{
    public int BatchSize => InputShape[0];

    internal void Validate()
    {
        var shapes = Model.ParameterShapes();
        if (Parameters.Length != shapes.Count)
            throw new ArgumentException($"the model has {shapes.Count} parameter tensors, {Parameters.Length} were given");
        for (var i = 0; i < shapes.Count; i++)
        {
            var expected = Elements(shapes[i]);
            if (Parameters[i].Length != expected)
                throw new ArgumentException(
                    $"parameter {i} has shape [{string.Join(", ", shapes[i])}] ({expected} values), {Parameters[i].Length} were given");
        }
        if (InputShape.Length == 0 || Elements(InputShape) != Inputs.Length)
            throw new ArgumentException($"{Inputs.Length} inputs do not fill shape [{string.Join(", ", InputShape)}]");
        switch (Model.Loss)
        {
            case LossKind.Mse when Targets.Values?.Length != BatchSize * Model.Outputs:
                throw new ArgumentException($"MSE needs {BatchSize * Model.Outputs} float targets ([N, out])");
            case LossKind.CrossEntropy when Targets.Labels?.Length != BatchSize:
                throw new ArgumentException($"cross-entropy needs {BatchSize} integer labels");
        }
    }

    internal static int Elements(int[] shape) => shape.Aggregate(1, (a, b) => checked(a * b));
}
