using TopoDsl.Training;
using TopoDsl.Training.Modules;

namespace TopoDsl.Landscape.Slices;

/// <summary>
/// A random direction in a network's parameter space, filter-normalised as Li et al. (2018) do for loss-landscape
/// plots: Gaussian entries, then each filter (a weight tensor's slice along its first axis: a Linear layer's row, a
/// convolution's output channel) scaled to the norm of the same filter of the network's weights. Biases and other
/// one-axis parameters get no component ("biasbn" in their code), so the slice shows the weights' landscape and
/// directions compare across networks whose weights differ in scale.
/// </summary>
public static class FilterNormalizedDirection
{
    /// <summary>One array per parameter tensor of <paramref name="model"/>, in <see cref="Module.Parameters"/> order.</summary>
    public static float[][] Draw(Module model, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rng = new Rng(seed);
        var direction = new List<float[]>();
        foreach (var parameter in model.Parameters())
        {
            var values = new float[parameter.Count];
            direction.Add(values);
            if (parameter.Rank < 2) continue;
            int filters = parameter.Dim(0), size = parameter.Count / filters;
            for (int f = 0; f < filters; f++)
            {
                var weights = parameter.Data.AsSpan(f * size, size);
                var part = values.AsSpan(f * size, size);
                double weightNorm = 0, directionNorm = 0;
                for (int k = 0; k < size; k++)
                {
                    part[k] = (float)rng.Normal();
                    weightNorm += (double)weights[k] * weights[k];
                    directionNorm += (double)part[k] * part[k];
                }
                float scale = directionNorm > 0 ? (float)(Math.Sqrt(weightNorm) / Math.Sqrt(directionNorm)) : 0;
                for (int k = 0; k < size; k++) part[k] *= scale;
            }
        }
        return direction.ToArray();
    }
}
