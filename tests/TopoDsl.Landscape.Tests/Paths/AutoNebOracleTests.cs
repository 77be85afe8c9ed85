using System.Globalization;
using TopoDsl.Landscape.Paths;
using TopoDsl.Landscape.Surfaces;

namespace TopoDsl.Landscape.Tests.Paths;

/// <summary>
/// AutoNEB against an independent implementation of the same steps in numpy (double precision both sides): the
/// chain after every cycle's insertions, projections, momentum steps and redistributions must be the same chain.
/// </summary>
public class AutoNebOracleTests
{
    private const string Script = """
        import sys, json, numpy as np
        spec = json.loads(sys.argv[1])
        A = np.array([-200., -100., -170., 15.]); a = np.array([-1., -1., -6.5, 0.7]); b = np.array([0., 0., 11., 0.6])
        c = np.array([-10., -10., -6.5, 0.7]); x0 = np.array([1., 0., -0.5, -1.]); y0 = np.array([0., 0.5, 1.5, 1.])
        def value_and_gradient(p):
            u, w = p[0] - x0, p[1] - y0
            t = A * np.exp(a * u * u + b * u * w + c * w * w)
            return t.sum(), np.array([(t * (2 * a * u + b * w)).sum(), (t * (b * u + 2 * c * w)).sum()])
        def value(p): return value_and_gradient(p)[0]
        chain = [np.array(spec["start"]), np.array(spec["end"])]; shares = [1.0]
        def insert(s, alpha):
            chain.insert(s + 1, (1 - alpha) * chain[s] + alpha * chain[s + 1])
            w = shares[s]; shares[s] = alpha * w; shares.insert(s + 1, (1 - alpha) * w)
        def redistribute():
            lengths = [np.linalg.norm(chain[s + 1] - chain[s]) for s in range(len(chain) - 1)]
            total = sum(lengths); source = [p.copy() for p in chain]
            targets = np.cumsum(shares)[:-1] * total
            for i, target in enumerate(targets, start=1):
                start = 0.0
                for s, length in enumerate(lengths):
                    if start + length >= target or s == len(lengths) - 1: break
                    start += length
                f = min(max((target - start) / length, 0.0), 1.0) if length > 0 else 0.0
                chain[i] = (1 - f) * source[s] + f * source[s + 1]
        def tangent(i, losses):
            before, here, after = losses[i - 1], losses[i], losses[i + 1]
            forward, backward = chain[i + 1] - chain[i], chain[i] - chain[i - 1]
            if after > here > before: t = forward
            elif after < here < before: t = backward
            else:
                big = max(abs(after - here), abs(before - here)); small = min(abs(after - here), abs(before - here))
                t = big * forward + small * backward if after > before else small * forward + big * backward
            n = np.linalg.norm(t)
            return t / n if n > 0 else t
        m = spec["initial"]
        for k in range(m): insert(k, 1.0 / (m + 1 - k))
        points = spec["points"]
        for cycle, (steps, rate) in enumerate(spec["cycles"]):
            if cycle > 0:
                losses = [value(p) for p in chain]; span = max(losses) - min(losses) + 1e-12; found = []
                for s in range(len(chain) - 1):
                    best = (0.0, -np.inf)
                    for q in range(1, points + 1):
                        alpha = q / (points + 1)
                        rise = (value((1 - alpha) * chain[s] + alpha * chain[s + 1]) - ((1 - alpha) * losses[s] + alpha * losses[s + 1])) / span
                        if rise > best[1]: best = (alpha, rise)
                    found.append((s, best[0], best[1]))
                chosen = sorted([f for f in found if f[2] > spec["threshold"]], key=lambda f: -f[2])[:spec["insert"]]
                for s, alpha, _ in sorted(chosen, key=lambda f: -f[0]): insert(s, alpha)
            velocity = [np.zeros(2) for _ in chain]
            losses = [0.0] * len(chain); losses[0] = value(chain[0]); losses[-1] = value(chain[-1])
            for step in range(steps):
                redistribute()
                grads = [None] * len(chain)
                for i in range(1, len(chain) - 1): losses[i], grads[i] = value_and_gradient(chain[i])
                for i in range(1, len(chain) - 1):
                    t = tangent(i, losses); grads[i] = grads[i] - grads[i].dot(t) * t
                for i in range(1, len(chain) - 1):
                    velocity[i] = spec["momentum"] * velocity[i] + grads[i]
                    chain[i] = chain[i] - rate * velocity[i]
            redistribute()
        for p in chain: print(repr(p[0]), repr(p[1]))
        """;

    [GudhiFact] // needs numpy under /usr/bin/python3, which Debian's python3-gudhi brings
    public void The_chain_matches_numpys_implementation_of_the_same_steps()
    {
        var a = MullerBrownPoints.MinimumA;
        var c = MullerBrownPoints.MinimumC;
        var options = new AutoNebOptions { Cycles = [new AutoNebCycle(60, 1e-4), new AutoNebCycle(60, 1e-4), new AutoNebCycle(60, 5e-5)] };

        var path = AutoNeb.Connect(new MullerBrown(), [a.X, a.Y], [c.X, c.Y], options);

        string spec = System.Text.Json.JsonSerializer.Serialize(new
        {
            start = new[] { a.X, a.Y }, end = new[] { c.X, c.Y }, initial = options.InitialImages, insert = options.InsertPerCycle,
            threshold = options.InsertThreshold, points = options.PointsPerSegment, momentum = options.Momentum,
            cycles = options.Cycles.Select(k => new object[] { k.Steps, k.LearningRate }).ToArray(),
        });
        var expected = OracleTools.RunPython(Script, spec).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();

        Assert.Equal(expected.Count, path.Images.Count);
        for (int i = 0; i < expected.Count; i++)
            for (int k = 0; k < 2; k++)
                Assert.True(Math.Abs(expected[i][k] - path.Images[i][k]) < 1e-9, $"image {i}, coordinate {k}: {path.Images[i][k]} against numpy's {expected[i][k]}");
    }
}
