using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Autodiff;

/// <summary>
/// How a tensor was computed: its inputs and the function that, given the gradient of the output, adds the
/// gradients of the inputs. The graph is built as the forward pass runs and walked once by Backward.
/// </summary>
internal sealed class GradNode(string operation, Tensor[] inputs, Action<Tensor> backward)
{
    public string Operation { get; } = operation;
    public Tensor[] Inputs { get; } = inputs;
    public Action<Tensor> Backward { get; } = backward;
}
