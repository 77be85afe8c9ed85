namespace TopoDsl.Training.Neurons;

/// <summary>
/// Which entries of a parameter tensor belong to which neuron: the entries whose index along <see cref="Axis"/>
/// is i belong to neuron i. A hidden layer's input weights [H, in] and bias [H] use axis 0, its output
/// weights [out, H] axis 1. Permuting neurons permutes the parameter along this axis, and nothing else.
/// </summary>
public readonly record struct NeuronAxis(int Axis, int NeuronCount);
