using TopoDsl.Training.Neurons;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Optimizers;

/// <summary>
/// What an optimizer sees of one parameter tensor: its values and gradient as flat spans, its shape, its
/// per-parameter state buffers, and, when the tensor belongs to a hidden layer, which axis indexes the neurons.
/// </summary>
public sealed class ParameterSlot
{
    private readonly List<float[]?> _state = [];

    public ParameterSlot(string name, Tensor value, NeuronAxis? neurons = null)
    {
        Name = name;
        Value = value;
        if (neurons is NeuronAxis axis && (axis.Axis >= value.Rank || value.Dim(axis.Axis) != axis.NeuronCount))
            throw new ShapeMismatchException($"{name}: neuron axis {axis.Axis} with {axis.NeuronCount} neurons does not fit shape {Shapes.Format(value.Shape)}");
        Neurons = neurons;
    }

    public string Name { get; }
    public Tensor Value { get; }
    public NeuronAxis? Neurons { get; }

    public ReadOnlySpan<int> Shape => Value.Shape;
    public int Count => Value.Count;

    public Span<float> Values => Value.Data;

    /// <summary>The gradient of the last backward pass (zeros when the parameter got none).</summary>
    public ReadOnlySpan<float> Gradient => Value.Grad is { } g ? g.Data : _zeros ??= new float[Value.Count];

    // Read-only zeros, made once: optimizers read Gradient on every step, and a kernel split across threads once per range.
    private float[]? _zeros;

    /// <summary>How many state buffer indices have been asked for (some may be unused, see <see cref="ExistingState"/>).</summary>
    public int StateCount => _state.Count;

    /// <summary>State buffer <paramref name="index"/> if it exists, without creating it (for checkpoints).</summary>
    public float[]? ExistingState(int index) => index < _state.Count ? _state[index] : null;

    /// <summary>State buffer <paramref name="index"/>, the shape of the parameter, created filled with <paramref name="initial"/> on first use.</summary>
    public float[] State(int index, float initial = 0f)
    {
        while (_state.Count <= index) _state.Add(null);
        if (_state[index] is { } buffer) return buffer;
        buffer = new float[Value.Count];
        if (initial != 0) Array.Fill(buffer, initial);
        _state[index] = buffer;
        return buffer;
    }
}
