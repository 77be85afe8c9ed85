namespace TopoDsl.Experiments;

/// <summary>
/// How a hidden layer's neurons start. On the class, a named shape: <c>[InitialNeurons(NeuronShape.FigureEight)]</c>.
/// On a method, the method gives the cloud: <c>static Tensor Name(int neurons, int dimension, ulong seed)</c>
/// returning an H x D tensor. Without it the network keeps its own random initialisation.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class InitialNeuronsAttribute : Attribute
{
    /// <summary>On a method: the method gives the cloud.</summary>
    public InitialNeuronsAttribute()
    {
    }

    /// <summary>On the class: one of Yang et al.'s shapes.</summary>
    public InitialNeuronsAttribute(NeuronShape shape) => Shape = shape;

    /// <summary>The shape, when given on the class.</summary>
    public NeuronShape? Shape { get; }

    /// <summary>The hidden layer it initialises (default 0).</summary>
    public int Layer { get; set; }
}
