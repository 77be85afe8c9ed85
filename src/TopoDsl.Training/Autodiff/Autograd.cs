using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Autodiff;

/// <summary>
/// Gradients by reverse mode. <see cref="Gradients"/> is torch.autograd.grad: it returns the gradients of an
/// output with respect to chosen tensors without touching their Grad, and with createGraph the returned
/// gradients are part of the graph, so they can be differentiated again (Hessian-vector products).
/// </summary>
public static class Autograd
{
    [ThreadStatic] private static Action<Tensor, Tensor>? _sink;

    internal static Action<Tensor, Tensor>? CurrentSink => _sink;

    public static IReadOnlyList<Tensor> Gradients(Tensor output, IReadOnlyList<Tensor> inputs, bool createGraph = false)
    {
        if (output.Count != 1)
            throw new ShapeMismatchException($"Gradients needs a scalar output, not {Shapes.Format(output.Shape)}");
        var all = Propagate(output, Tensor.Full(1f, output.Shape.ToArray()), createGraph, inputs);
        return inputs.Select(input => all.TryGetValue(input, out var g) ? g : Tensor.Zeros(input.Shape.ToArray())).ToList();
    }

    /// <summary>
    /// Walks the graph from <paramref name="output"/> in reverse topological order and returns the gradient
    /// reaching each leaf (or each of <paramref name="targets"/>, which may be interior tensors).
    /// </summary>
    internal static Dictionary<Tensor, Tensor> Propagate(Tensor output, Tensor seed, bool createGraph, IReadOnlyList<Tensor>? targets = null)
    {
        if (!Shapes.Equal(seed.Shape, output.Shape))
            throw new ShapeMismatchException($"Backward: gradient of shape {Shapes.Format(seed.Shape)} for a tensor of shape {Shapes.Format(output.Shape)}");
        if (!output.RequiresGrad)
            throw new InvalidOperationException("Backward() on a tensor that does not require grad: no parameter it depends on has RequiresGrad = true");

        var wanted = targets is null ? null : new HashSet<Tensor>(targets, ReferenceEqualityComparer.Instance);
        var order = TopologicalOrder(output);
        // Sized for the whole graph up front: growing them took 2 % of a training step of a two-layer MLP.
        var pending = new Dictionary<Tensor, Tensor>(order.Count, ReferenceEqualityComparer.Instance) { [output] = seed };
        var result = new Dictionary<Tensor, Tensor>(order.Count, ReferenceEqualityComparer.Instance);
        var previousSink = _sink;
        _sink = (input, g) => pending[input] = pending.TryGetValue(input, out var existing) ? existing + g : g;
        GradMode.Scope? noGraph = createGraph ? null : GradMode.Disable();
        try
        {
            foreach (var tensor in order)
            {
                if (!pending.Remove(tensor, out var upstream)) continue;
                bool isTarget = wanted is null ? tensor.Node is null : wanted.Contains(tensor);
                if (isTarget) result[tensor] = upstream;
                tensor.Node?.Backward(upstream);
            }
        }
        finally
        {
            noGraph?.Dispose();
            _sink = previousSink;
        }
        return result;
    }

    /// <summary>Tensors of the graph ending at <paramref name="output"/>, each before the tensors it was computed from.</summary>
    private static List<Tensor> TopologicalOrder(Tensor output)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Tensor, bool Expanded)>();
        stack.Push((output, false));
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
