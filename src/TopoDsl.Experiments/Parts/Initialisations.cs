using TopoDsl.Experiments.Clouds;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Running;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Experiments.Parts;

/// <summary>The neuron initialisations an experiment can declare, as the generated code builds them.</summary>
public static class Initialisations
{
    /// <summary>One of Yang et al.'s shapes on hidden layer <paramref name="layer"/>.</summary>
    public static NeuronInitialisation Shape(NeuronShape shape, int layer) => ShapeOnly(shape, layer) with { Shape = shape };

    private static NeuronInitialisation ShapeOnly(NeuronShape shape, int layer) => shape switch
    {
        NeuronShape.FigureEight => new("figure-eight", (h, d, seed) => Check(shape, d, 2, InitialClouds.FigureEight(h, seed)), layer, [1, 2]),
        NeuronShape.TwoCircles => new("two circles", (h, d, _) => Check(shape, d, 2, InitialClouds.TwoCircles(h)), layer, [2, 2]),
        NeuronShape.SolidDoubleTorus => new("solid double torus", (h, d, seed) => Check(shape, d, 3, InitialClouds.SolidDoubleTorus(h, seed)), layer, [1, 2, 0]),
        NeuronShape.EmbeddedSphere => new("unit 2-sphere embedded in R^D", (h, d, seed) =>
            d >= 3 ? InitialClouds.EmbeddedSphere(h, d, seed) : throw Mismatch(shape, d, "at least 3"), layer, [1, 0, 1]),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown neuron shape"),
    };

    /// <summary>A cloud from an <see cref="InitialNeuronsAttribute"/> method.</summary>
    public static NeuronInitialisation FromMethod(string name, Func<int, int, ulong, Tensor> create, int layer) => new(name, create, layer);

    private static Tensor Check(NeuronShape shape, int dimension, int needed, Tensor cloud) =>
        dimension == needed ? cloud : throw Mismatch(shape, dimension, needed.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static ExperimentException Mismatch(NeuronShape shape, int dimension, string needed) =>
        new($"[InitialNeurons(NeuronShape.{shape})] needs neurons of {needed} coordinates (inputs + bias + outputs); this layer's have {dimension}");
}
