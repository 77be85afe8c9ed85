using TopoDsl.Training.Modules;
using TopoDsl.Training.Tensors;

namespace TopoDsl.Training.Neurons;

/// <summary>
/// The neurons of the hidden layer between two Linear layers as points (Yang et al.): neuron i is
/// x_i = [W_in[i, :], b_in[i] (when there is a bias), W_out[:, i]], so the layer is an H x D point cloud.
/// </summary>
public sealed class HiddenLayerNeurons
{
    public HiddenLayerNeurons(Linear input, Linear output)
    {
        if (input.OutFeatures != output.InFeatures)
            throw new ShapeMismatchException($"hidden layer: {input} feeds {output.InFeatures} features, not {input.OutFeatures}");
        Input = input;
        Output = output;
    }

    public Linear Input { get; }
    public Linear Output { get; }

    public int Count => Input.OutFeatures;

    /// <summary>Coordinates per neuron: inputs, then the bias when present, then outputs.</summary>
    public int Dimension => Input.InFeatures + (Input.Bias is null ? 0 : 1) + Output.OutFeatures;

    /// <summary>For each parameter tensor of the two layers, the axis that indexes this layer's neurons.</summary>
    public IReadOnlyList<(Tensor Parameter, NeuronAxis Axis)> Layout
    {
        get
        {
            var layout = new List<(Tensor, NeuronAxis)> { (Input.Weight, new NeuronAxis(0, Count)) };
            if (Input.Bias is not null) layout.Add((Input.Bias, new NeuronAxis(0, Count)));
            layout.Add((Output.Weight, new NeuronAxis(1, Count)));
            return layout;
        }
    }

    /// <summary>The neurons as an H x D matrix (a copy).</summary>
    public Tensor Read()
    {
        var points = Tensor.Zeros(Count, Dimension);
        Read(points.Data);
        return points;
    }

    /// <summary>Copies the neurons into <paramref name="destination"/>, row-major H x D (no allocation, for per-step tracking).</summary>
    public void Read(Span<float> destination)
    {
        if (destination.Length != Count * Dimension)
            throw new ArgumentException($"the destination must hold {Count} x {Dimension} values, not {destination.Length}", nameof(destination));
        // Column by column from the parameters' own arrays: the tracked loop reads the cloud after every step, and a
        // slice and copy per neuron row cost more than the values they move.
        int count = Count, dimension = Dimension, inputs = Input.InFeatures, outputs = Output.OutFeatures;
        float[] weightsIn = Input.Weight.Data, weightsOut = Output.Weight.Data;
        for (int c = 0; c < inputs; c++)
            for (int i = 0; i < count; i++) destination[i * dimension + c] = weightsIn[i * inputs + c];
        int at = inputs;
        if (Input.Bias?.Data is { } bias)
        {
            for (int i = 0; i < count; i++) destination[i * dimension + at] = bias[i];
            at++;
        }
        for (int o = 0; o < outputs; o++)
        {
            var column = weightsOut.AsSpan(o * count, count);
            for (int i = 0; i < count; i++) destination[i * dimension + at + o] = column[i];
        }
    }

    /// <summary>Writes an H x D matrix back into the two layers' parameters.</summary>
    public void Write(Tensor points)
    {
        if (points.Rank != 2 || points.Dim(0) != Count || points.Dim(1) != Dimension)
            throw new ShapeMismatchException($"neurons must be [{Count}, {Dimension}], not {Shapes.Format(points.Shape)}");
        int inputs = Input.InFeatures, outputs = Output.OutFeatures;
        for (int i = 0; i < Count; i++)
        {
            var row = points.Data.AsSpan(i * Dimension, Dimension);
            row[..inputs].CopyTo(Input.Weight.Data.AsSpan(i * inputs, inputs));
            int at = inputs;
            if (Input.Bias is not null) Input.Bias.Data[i] = row[at++];
            for (int o = 0; o < outputs; o++) Output.Weight.Data[o * Count + i] = row[at + o];
        }
    }

    /// <summary>The hidden layers of an MLP built by <see cref="Mlp"/>: one per pair of consecutive Linear layers.</summary>
    public static IReadOnlyList<HiddenLayerNeurons> Of(Sequential mlp)
    {
        var linears = mlp.Layers.OfType<Linear>().ToList();
        return Enumerable.Range(0, Math.Max(0, linears.Count - 1)).Select(k => new HiddenLayerNeurons(linears[k], linears[k + 1])).ToList();
    }
}
