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

    public void ZeroGrad() => Grad = null;

    /// <summary>Marks this result as computed from <paramref name="inputs"/> when any of them requires grad.</summary>
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

    /// <summary>Adds <paramref name="gradient"/> to this tensor's gradient (allocating it on first use).</summary>
    internal void AccumulateGrad(ReadOnlySpan<float> gradient)
    {
        if (!RequiresGrad) return;
        if (Grad is null)
        {
            Grad = new Tensor(gradient.ToArray(), _shape);
            return;
        }
        System.Numerics.Tensors.TensorPrimitives.Add(Grad.Data, gradient, Grad.Data);
    }

    /// <summary>
    /// Reverse-mode differentiation of this scalar: fills <see cref="Grad"/> of every tensor it depends on that
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
        if (!Shapes.Equal(gradient.Shape, _shape))
            throw new ShapeMismatchException($"Backward: gradient of shape {Shapes.Format(gradient.Shape)} for a tensor of shape {Shapes.Format(_shape)}");
        if (!RequiresGrad)
            throw new InvalidOperationException("Backward() on a tensor that does not require grad: no parameter it depends on has RequiresGrad = true");

        var order = TopologicalOrder();
        var pending = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance) { [this] = gradient };
        using var _ = GradMode.Disable();
        foreach (var tensor in order)
        {
            if (!pending.Remove(tensor, out var upstream)) continue;
            if (tensor.Node is null)
            {
                tensor.AccumulateGrad(upstream.Data);
                continue;
            }
            _backwardSink = (input, g) =>
            {
                if (!input.RequiresGrad) return;
                if (pending.TryGetValue(input, out var existing))
                    System.Numerics.Tensors.TensorPrimitives.Add(existing.Data, g, existing.Data);
                else
                    pending[input] = new Tensor(g.ToArray(), input._shape);
            };
            tensor.Node.Backward(upstream);
            _backwardSink = null;
        }
    }

    /// <summary>Where backward functions send input gradients during a Backward walk (see <see cref="SendGrad"/>).</summary>
    [ThreadStatic] private static GradSink? _backwardSink;

    internal delegate void GradSink(Tensor input, ReadOnlySpan<float> gradient);

    /// <summary>Called by backward functions: adds <paramref name="gradient"/> to what flows into <paramref name="input"/>.</summary>
    internal static void SendGrad(Tensor input, ReadOnlySpan<float> gradient) =>
        (_backwardSink ?? throw new InvalidOperationException("SendGrad outside a backward pass"))(input, gradient);

    /// <summary>Tensors of the graph ending here, each after every tensor computed from it.</summary>
    private List<Tensor> TopologicalOrder()
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Tensor, bool Expanded)>();
        stack.Push((this, false));
        while (stack.Count > 0)
        {
            var (tensor, expanded) = stack.Pop();
            if (expanded)
            {
                order.Add(tensor);
                continue;
            }
            if (!visited.Add(tensor)) continue;
            stack.Push((tensor, true));
            if (tensor.Node is null) continue;
            foreach (var input in tensor.Node.Inputs)
                if (input.RequiresGrad && !visited.Contains(input)) stack.Push((input, false));
        }
        order.Reverse();
        return order;
    }
}
