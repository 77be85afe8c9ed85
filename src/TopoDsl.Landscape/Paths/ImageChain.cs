using TopoDsl.Landscape.Geometry;

namespace TopoDsl.Landscape.Paths;

/// <summary>
/// A chain of images from one minimum to another (the ends fixed), with the share of the chain's length each
/// segment should keep: redistribution puts the images back at those shares along the polyline, the NEB form with an
/// infinite spring constant.
/// </summary>
internal sealed class ImageChain
{
    private readonly List<double[]> _images;
    private readonly List<double> _shares;
    private readonly List<double[]> _spare = [];

    public ImageChain(double[] start, double[] end)
    {
        _images = [start, end];
        _shares = [1.0];
    }

    public int Count => _images.Count;

    public IReadOnlyList<double[]> Images => _images;

    /// <summary>A new image at fraction <paramref name="alpha"/> of segment <paramref name="segment"/>, which it splits.</summary>
    public void Insert(int segment, double alpha)
    {
        var image = new double[_images[segment].Length];
        Polyline.Interpolate(_images[segment], _images[segment + 1], alpha, image);
        _images.Insert(segment + 1, image);
        double share = _shares[segment];
        _shares[segment] = alpha * share;
        _shares.Insert(segment + 1, (1 - alpha) * share);
    }

    /// <summary>Moves the inner images along the polyline to their shares of its length.</summary>
    public void Redistribute()
    {
        int count = _images.Count;
        if (count < 3) return;
        var lengths = new double[count - 1];
        for (int s = 0; s < lengths.Length; s++) lengths[s] = Polyline.Distance(_images[s], _images[s + 1]);
        double total = lengths.Sum();
        if (!(total > 0)) return;
        // The new positions go to spare arrays, read from the images as they stand, then the arrays trade places.
        while (_spare.Count < count) _spare.Add(new double[_images[0].Length]);
        int segment = 0;
        double segmentStart = 0, target = 0;
        for (int i = 1; i < count - 1; i++)
        {
            target += _shares[i - 1] * total;
            while (segment < lengths.Length - 1 && segmentStart + lengths[segment] < target)
                segmentStart += lengths[segment++];
            double t = lengths[segment] > 0 ? Math.Clamp((target - segmentStart) / lengths[segment], 0, 1) : 0;
            Polyline.Interpolate(_images[segment], _images[segment + 1], t, _spare[i]);
        }
        for (int i = 1; i < count - 1; i++) (_images[i], _spare[i]) = (_spare[i], _images[i]);
    }

    /// <summary>
    /// The unit tangent at inner image i (Henkelman and Jónsson, 2000): toward the higher neighbour, and at a local
    /// extreme of the loss along the chain a blend of both directions weighted by the loss differences. Written into
    /// <paramref name="tangent"/>, which it returns: one buffer serves every image of a step.
    /// </summary>
    public double[] Tangent(int i, IReadOnlyList<double> losses, double[] tangent)
    {
        double[] previous = _images[i - 1], here = _images[i], next = _images[i + 1];
        double before = losses[i - 1], loss = losses[i], after = losses[i + 1];
        double forwardWeight, backwardWeight;
        if (after > loss && loss > before) (forwardWeight, backwardWeight) = (1, 0);
        else if (after < loss && loss < before) (forwardWeight, backwardWeight) = (0, 1);
        else
        {
            double larger = Math.Max(Math.Abs(after - loss), Math.Abs(before - loss));
            double smaller = Math.Min(Math.Abs(after - loss), Math.Abs(before - loss));
            (forwardWeight, backwardWeight) = after > before ? (larger, smaller) : (smaller, larger);
            if (forwardWeight + backwardWeight == 0) (forwardWeight, backwardWeight) = (1, 1);
        }
        for (int k = 0; k < here.Length; k++)
            tangent[k] = forwardWeight * (next[k] - here[k]) + backwardWeight * (here[k] - previous[k]);
        double norm = 0;
        foreach (double x in tangent) norm += x * x;
        norm = Math.Sqrt(norm);
        if (norm > 0)
            for (int k = 0; k < tangent.Length; k++) tangent[k] /= norm;
        return tangent;
    }

}
