using TopoDsl.Landscape.Geometry;
using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Landscape.Paths;

/// <summary>
/// AutoNEB (Draxler et al. 2018; Kolsbjerg et al. 2016): a minimum-energy path between two minima from a chain of
/// images. Each step evaluates every inner image, removes the gradient's component along the chain's tangent (so the
/// images slide down sideways, toward the valley floor, but not along the path), takes an SGD-with-momentum step and
/// puts the images back at their shares of the chain's length. Before each cycle after the first, images are inserted
/// where the loss rises most above the straight line between two images.
/// </summary>
public static class AutoNeb
{
    /// <summary>Relaxes a chain from <paramref name="start"/> to <paramref name="end"/> (both fixed) and evaluates its loss profile.</summary>
    /// <exception cref="ArgumentException">A point of the wrong length or with a non-finite coordinate, or bad options (named).</exception>
    /// <exception cref="ArithmeticException">An image's loss became non-finite: the learning rate is too large for the surface.</exception>
    public static MinimumEnergyPath Connect(ILossSurface surface, ReadOnlySpan<double> start, ReadOnlySpan<double> end,
        AutoNebOptions? options = null, IProgress<AutoNebProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(surface);
        return Connect([surface], start, end, options, progress, cancellation);
    }

    /// <summary>
    /// <see cref="Connect(ILossSurface, ReadOnlySpan{double}, ReadOnlySpan{double}, AutoNebOptions?, IProgress{AutoNebProgress}?, CancellationToken)"/>
    /// with the images' gradients taken on several threads, one per surface in <paramref name="workers"/>: copies of one
    /// loss (a <see cref="Surfaces.NetworkLossSurface"/> per thread, each with a network of its own). Image i always goes to
    /// the same worker, so on a surface whose gradients are of the whole data set the path is the same as on one thread;
    /// with mini-batch gradients each worker draws its own batches, so the path depends on the number of workers. Each
    /// worker should compute on one thread (for networks, <c>Gemm.Threads = 1</c>), or the threads contend for the cores.
    /// </summary>
    public static MinimumEnergyPath Connect(IReadOnlyList<ILossSurface> workers, ReadOnlySpan<double> start, ReadOnlySpan<double> end,
        AutoNebOptions? options = null, IProgress<AutoNebProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(workers);
        if (workers.Count == 0) throw new ArgumentException("give at least one surface to evaluate the images on", nameof(workers));
        var surface = workers[0];
        foreach (var worker in workers)
            if (worker is null || worker.Dimension != surface.Dimension)
                throw new ArgumentException($"every worker must be the same surface: dimensions {string.Join(", ", workers.Select(w => w?.Dimension))}", nameof(workers));
        if (workers.Distinct(ReferenceEqualityComparer.Instance).Count() != workers.Count)
            throw new ArgumentException("a surface appears twice among the workers: two threads would move one network's parameters at once; give each worker its own", nameof(workers));
        options ??= new AutoNebOptions();
        options.Validate();
        CheckPoint(surface, start, nameof(start));
        CheckPoint(surface, end, nameof(end));

        var chain = new ImageChain(start.ToArray(), end.ToArray());
        for (int k = 0; k < options.InitialImages; k++) chain.Insert(k, 1.0 / (options.InitialImages + 1 - k));
        var velocities = new List<double[]>();
        double lastRate = double.NaN; // the learning rate of the last move, which a non-finite loss blames
        // The ends never move: their losses are measured once for every cycle's tangents.
        var ends = (First: surface.Loss(chain.Images[0]), Last: surface.Loss(chain.Images[^1]));
        for (int cycle = 0; cycle < options.Cycles.Count; cycle++)
        {
            if (cycle > 0) InsertWhereHighest(workers, chain, options);
            while (velocities.Count < chain.Count) velocities.Add(new double[surface.Dimension]);
            Relax(workers, chain, velocities, ends, options, cycle, ref lastRate, progress, cancellation);
            velocities.Clear(); // inserted images change which velocity belongs to which image; each cycle starts at rest
        }
        return Evaluate(workers, chain, options.PointsPerSegment, lastRate);
    }

    private static void Relax(IReadOnlyList<ILossSurface> workers, ImageChain chain, List<double[]> velocities, (double First, double Last) ends, AutoNebOptions options,
        int cycle, ref double lastRate, IProgress<AutoNebProgress>? progress, CancellationToken cancellation)
    {
        var surface = workers[0];
        var (steps, rate) = options.Cycles[cycle];
        var losses = new double[chain.Count];
        var gradients = Enumerable.Range(0, chain.Count).Select(_ => new double[surface.Dimension]).ToArray();
        var tangent = new double[surface.Dimension];
        (losses[0], losses[^1]) = ends;
        for (int step = 1; step <= steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            chain.Redistribute();
            EvaluateImages(workers, chain, losses, gradients, cancellation);
            for (int i = 1; i < chain.Count - 1; i++)
                if (!double.IsFinite(losses[i])) throw NotFinite($"the loss at image {i} is {losses[i]} in cycle {cycle + 1}, step {step}", lastRate);
            // Every tangent from the chain as it stood when the gradients were taken; then every image moves.
            for (int i = 1; i < chain.Count - 1; i++) RemoveAlong(gradients[i], chain.Tangent(i, losses, tangent));
            for (int i = 1; i < chain.Count - 1; i++)
            {
                var gradient = gradients[i];
                double[] velocity = velocities[i], image = chain.Images[i];
                for (int k = 0; k < gradient.Length; k++)
                {
                    velocity[k] = options.Momentum * velocity[k] + gradient[k];
                    image[k] -= rate * velocity[k];
                }
            }
            lastRate = rate;
            progress?.Report(new AutoNebProgress(cycle + 1, options.Cycles.Count, step, steps, chain.Count, losses.Max()));
        }
        chain.Redistribute();
    }

    // The inner images' losses and gradients; with several workers, image i on worker (i - 1) mod W.
    private static void EvaluateImages(IReadOnlyList<ILossSurface> workers, ImageChain chain, double[] losses, double[][] gradients, CancellationToken cancellation)
    {
        int inner = chain.Count - 2, count = workers.Count;
        if (count == 1 || inner == 1)
        {
            for (int i = 1; i <= inner; i++) losses[i] = workers[0].LossAndGradient(chain.Images[i], gradients[i]);
            return;
        }
        try
        {
            Parallel.For(0, Math.Min(count, inner), new ParallelOptions { MaxDegreeOfParallelism = count, CancellationToken = cancellation }, w =>
            {
                for (int i = 1 + w; i <= inner; i += count) losses[i] = workers[w].LossAndGradient(chain.Images[i], gradients[i]);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The surface's own exception, as on one thread.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>The NEB force's projection: removes from the gradient its component along the unit tangent.</summary>
    internal static void RemoveAlong(double[] gradient, double[] tangent)
    {
        double along = 0;
        for (int k = 0; k < gradient.Length; k++) along += gradient[k] * tangent[k];
        for (int k = 0; k < gradient.Length; k++) gradient[k] -= along * tangent[k];
    }

    // PyTorch-AutoNEB's "highest" insertion: in each segment, the point where the loss rises most above the straight
    // line between the segment's images, relative to the chain's range of image losses; the segments with the
    // largest such rises above the threshold get an image there.
    private static void InsertWhereHighest(IReadOnlyList<ILossSurface> workers, ImageChain chain, AutoNebOptions options)
    {
        var images = chain.Images;
        var imageLosses = LossesAt(workers, images.Count, (k, _) => images[k]);
        double range = imageLosses.Max() - imageLosses.Min() + 1e-12;
        int points = options.PointsPerSegment;
        var inside = LossesAt(workers, (images.Count - 1) * points, (k, buffer) =>
        {
            Polyline.Interpolate(images[k / points], images[k / points + 1], Fraction(k % points + 1, points), buffer);
            return buffer;
        });
        var best = new List<(int Segment, double Alpha, double Rise)>();
        for (int s = 0; s < images.Count - 1; s++)
        {
            (double alpha, double rise) top = (0, double.NegativeInfinity);
            for (int p = 1; p <= points; p++)
            {
                double alpha = Fraction(p, points);
                double rise = (inside[s * points + p - 1] - ((1 - alpha) * imageLosses[s] + alpha * imageLosses[s + 1])) / range;
                if (rise > top.rise) top = (alpha, rise);
            }
            best.Add((s, top.alpha, top.rise));
        }
        var chosen = best.Where(b => b.Rise > options.InsertThreshold).OrderByDescending(b => b.Rise).Take(options.InsertPerCycle)
            .OrderByDescending(b => b.Segment); // from the end, so that earlier segment numbers stay valid
        foreach (var (segment, alpha, _) in chosen) chain.Insert(segment, alpha);
    }

    private static double Fraction(int p, int pointsPerSegment) => (double)p / (pointsPerSegment + 1);

    // The losses at count points, point k built by point(k, a worker's buffer) and measured on worker k mod W.
    private static double[] LossesAt(IReadOnlyList<ILossSurface> workers, int count, Func<int, double[], double[]> point)
    {
        var losses = new double[count];
        int width = workers.Count;
        void Share(int w)
        {
            var buffer = new double[workers[w].Dimension];
            for (int k = w; k < count; k += width) losses[k] = workers[w].Loss(point(k, buffer));
        }
        if (width == 1 || count <= 1) Share(0);
        else
            try
            {
                Parallel.For(0, Math.Min(width, count), new ParallelOptions { MaxDegreeOfParallelism = width }, Share);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        return losses;
    }

    private static ArithmeticException NotFinite(string what, double lastRate) => new(double.IsNaN(lastRate)
        ? $"AutoNEB: {what} on the straight line between the minima, before any step; the surface is not finite there"
        : $"AutoNEB: {what}; lower the learning rate (the last step's was {lastRate})");

    private static MinimumEnergyPath Evaluate(IReadOnlyList<ILossSurface> workers, ImageChain chain, int pointsPerSegment, double lastRate)
    {
        var images = chain.Images.Select(image => (double[])image.Clone()).ToList();
        var imageLosses = LossesAt(workers, images.Count, (k, _) => images[k]);
        for (int i = 0; i < imageLosses.Length; i++)
            if (!double.IsFinite(imageLosses[i])) throw NotFinite($"the loss at image {i} of the final path is {imageLosses[i]}", lastRate);
        var inside = LossesAt(workers, (images.Count - 1) * pointsPerSegment, (k, buffer) =>
        {
            Polyline.Interpolate(images[k / pointsPerSegment], images[k / pointsPerSegment + 1], Fraction(k % pointsPerSegment + 1, pointsPerSegment), buffer);
            return buffer;
        });
        var lengths = new double[images.Count - 1];
        for (int s = 0; s < lengths.Length; s++) lengths[s] = Polyline.Distance(images[s], images[s + 1]);
        double total = Math.Max(lengths.Sum(), double.Epsilon);
        var profile = new List<ProfilePoint> { new(0, imageLosses[0]) };
        (int Segment, int Part) highest = (0, 0);
        double highestLoss = imageLosses[0], travelled = 0;
        for (int s = 0; s < lengths.Length; s++)
        {
            for (int p = 1; p <= pointsPerSegment + 1; p++)
            {
                double alpha = Fraction(p, pointsPerSegment);
                double loss = p == pointsPerSegment + 1 ? imageLosses[s + 1] : inside[s * pointsPerSegment + p - 1];
                // A diverged image must not read as a low barrier: Max would pass over a NaN.
                if (!double.IsFinite(loss)) throw NotFinite($"the loss at {alpha:0.0} of segment {s} of the final path is {loss}", lastRate);
                profile.Add(new ProfilePoint((travelled + alpha * lengths[s]) / total, loss));
                if (loss > highestLoss) (highestLoss, highest) = (loss, (s, p));
            }
            travelled += lengths[s];
        }
        var highestPoint = new double[images[0].Length];
        Polyline.Interpolate(images[highest.Segment], images[Math.Min(highest.Segment + 1, images.Count - 1)],
            highest == (0, 0) ? 0 : Fraction(highest.Part, pointsPerSegment), highestPoint);
        return new MinimumEnergyPath(images, imageLosses, profile, highestPoint);
    }

    private static void CheckPoint(ILossSurface surface, ReadOnlySpan<double> point, string name)
    {
        if (point.Length != surface.Dimension)
            throw new ArgumentException($"the {name} point has {point.Length} coordinates; the surface has {surface.Dimension}", name);
        foreach (double x in point)
            if (!double.IsFinite(x)) throw new ArgumentException($"the {name} point has a coordinate {x}; coordinates must be finite", name);
    }
}
