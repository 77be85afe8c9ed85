using TopoDsl.Training.Autodiff;

namespace TopoDsl.Training.Tensors;

public sealed partial class Tensor
{
    private bool _requiresGrad;

    /// <summary>A leaf whose gradient Backward fills (parameters). Results of operations on it require grad too.</summary>
    public bool RequiresGrad
    {
        get => _requiresGrad || Node is not null;
        set
        {
            if (Node is not null && !value)
                throw new InvalidOperationException("a computed tensor always requires grad; use Detach() for a copy that does not");
            _requiresGrad = value;
        }
    }

    /// <summary>The accumulated gradient of the last Backward, same shape as this tensor; null before any.</summary>
    public Tensor? Grad { get; internal set; }

    internal GradNode? Node { get; private set; }

    public bool IsLeaf => Node is null;

    /// <summary>The same values, cut from the graph.</summary>
    public Tensor Detach() => new(Data, _shape);

    /// <summary>
    /// Clears the gradient. Its storage is kept and reused by the next Backward, which saves allocating (and
    /// page-faulting) every weight gradient at every step: Clone() a gradient you keep across steps.
    /// </summary>
    public void ZeroGrad()
    {
        if (Grad is { } g) _recycledGradStorage = g.Data;
        Grad = null;
    }

    private float[]? _recycledGradStorage;

    /// <summary>
    /// Marks this result as computed from <paramref name="inputs"/> when any of them requires grad. The backward
    /// function maps the output's gradient to the inputs' (through <see cref="SendGrad"/>) using tensor
    /// operations, so that with createGraph the gradient is itself differentiable (Hessian-vector products).
    /// </summary>
    internal Tensor Record(string operation, Tensor[] inputs, Action<Tensor> backward)
    {
        if (!GradMode.IsEnabled) return this;
        foreach (var input in inputs)
            if (input.RequiresGrad)
            {
                Node = new GradNode(operation, inputs, backward);
                return this;
            }
        return this;
    }

    /// <summary>
    /// Reverse-mode differentiation of this scalar: adds to <see cref="Grad"/> of every leaf it depends on that
    /// requires grad. Gradients accumulate across calls, as in PyTorch; clear them with ZeroGrad.
    /// </summary>
    public void Backward()
    {
        if (Count != 1)
            throw new ShapeMismatchException($"Backward() needs a scalar, not a tensor of shape {Shapes.Format(_shape)}; reduce it first (Sum or Mean)");
        Backward(Full(1f, _shape));
    }

    /// <summary>Backward from this tensor with the given upstream gradient.</summary>
    public void Backward(Tensor gradient)
    {
        var leafGradients = Autograd.Propagate(this, gradient, createGraph: false);
        foreach (var (leaf, g) in leafGradients)
            leaf.Grad = leaf.Grad is null ? leaf.FreshGrad(g) : AddInPlace(leaf.Grad, g);
    }

    private Tensor FreshGrad(Tensor gradient)
    {
        var storage = _recycledGradStorage is { } kept && kept.Length == Count ? kept : new float[Count];
        _recycledGradStorage = null;
        gradient.Data.CopyTo(storage);
        return new Tensor(storage, _shape);
    }

    private static Tensor AddInPlace(Tensor target, Tensor addend)
    {
        System.Numerics.Tensors.TensorPrimitives.Add(target.Data, addend.Data, target.Data);
        return target;
    }

    /// <summary>Called by backward functions: <paramref name="gradient"/> flows into <paramref name="input"/>.</summary>
    internal static void SendGrad(Tensor input, Tensor gradient)
    {
        if (!input.RequiresGrad) return;
        if (!Shapes.Equal(gradient.Shape, input.Shape))
            throw new InvalidOperationException($"internal: gradient {Shapes.Format(gradient.Shape)} for an input of shape {Shapes.Format(input.Shape)}");
        (Autograd.CurrentSink ?? throw new InvalidOperationException("SendGrad outside a backward pass"))(input, gradient);
    }
}
