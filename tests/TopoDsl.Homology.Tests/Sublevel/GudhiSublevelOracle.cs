using System.Globalization;
using TopoDsl.Homology.Metric;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

/// <summary>
/// GUDHI as an independent oracle: a SimplexTree with each vertex at f(v) and each edge at max(f(u), f(v)), its
/// dimension-0 intervals (GUDHI drops zero-length intervals at min_persistence = 0, as TopoDsl does).
/// </summary>
public static class GudhiSublevelOracle
{
    private const string GraphScript = """
        import sys, gudhi
        values = [float(l) for l in open(sys.argv[1]) if l.strip()]
        edges = [tuple(int(x) for x in l.split()) for l in open(sys.argv[2]) if l.strip()]
        st = gudhi.SimplexTree()
        for i, x in enumerate(values):
            st.insert([i], filtration=x)
        for u, v in edges:
            st.insert([u, v], filtration=max(values[u], values[v]))
        st.compute_persistence(min_persistence=0)
        for b, d in st.persistence_intervals_in_dimension(0):
            print(repr(float(b)), repr(float(d)))
        """;

    // The kNN graph is rebuilt here with numpy (brute force, ties by index) so that the graph construction is
    // checked too, not only the persistence.
    private const string PointCloudScript = """
        import sys, gudhi, numpy as np
        rows = np.loadtxt(sys.argv[1], ndmin=2)
        points = rows[:, :-1].astype(np.float32).astype(np.float64)
        values = rows[:, -1]
        k = int(sys.argv[2])
        n = len(values)
        edges = set()
        for i in range(n):
            d2 = ((points - points[i]) ** 2).sum(axis=1)
            d2[i] = np.inf
            for j in np.lexsort((np.arange(n), d2))[:k]:
                edges.add((min(i, int(j)), max(i, int(j))))
        st = gudhi.SimplexTree()
        for i, x in enumerate(values):
            st.insert([i], filtration=float(x))
        for u, v in edges:
            st.insert([u, v], filtration=float(max(values[u], values[v])))
        st.compute_persistence(min_persistence=0)
        for b, d in st.persistence_intervals_in_dimension(0):
            print(repr(float(b)), repr(float(d)))
        """;

    // Full connectivity is GUDHI's cubical complex on top-dimensional cells (a cell's faces enter with it, so cells
    // sharing only a corner are joined); face connectivity is built here from numpy index arrays, one axis at a time.
    private const string GridScript = """
        import sys, gudhi, numpy as np
        values = np.array([float(l) for l in open(sys.argv[1]) if l.strip()])
        shape = [int(x) for x in sys.argv[2].split(',')]
        grid = values.reshape(shape)
        if sys.argv[3] == 'Full':
            complex = gudhi.CubicalComplex(top_dimensional_cells=grid)
            complex.compute_persistence(min_persistence=0)
            intervals = complex.persistence_intervals_in_dimension(0)
        else:
            index = np.arange(values.size).reshape(shape)
            st = gudhi.SimplexTree()
            for i, x in enumerate(values):
                st.insert([i], filtration=float(x))
            for axis in range(len(shape)):
                lower = np.take(index, range(shape[axis] - 1), axis=axis).ravel()
                upper = np.take(index, range(1, shape[axis]), axis=axis).ravel()
                for u, v in zip(lower, upper):
                    st.insert([int(u), int(v)], filtration=float(max(values[u], values[v])))
            st.compute_persistence(min_persistence=0)
            intervals = st.persistence_intervals_in_dimension(0)
        for b, d in intervals:
            print(repr(float(b)), repr(float(d)))
        """;

    public static (double Birth, double Death)[] GridBars(double[] values, int[] shape, GridConnectivity connectivity)
    {
        using var files = new TempFolder();
        string vertices = files.Lines("values", values.Select(Format));
        return Parse(OracleTools.RunPython(GridScript, vertices, string.Join(',', shape), connectivity.ToString()));
    }

    public static (double Birth, double Death)[] GraphBars(RandomGraph g)
    {
        using var files = new TempFolder();
        string vertices = files.Lines("vertices", g.Values.Select(Format));
        string edges = files.Lines("edges", g.Sources.Zip(g.Targets, (u, v) => $"{u} {v}"));
        return Parse(OracleTools.RunPython(GraphScript, vertices, edges));
    }

    public static (double Birth, double Death)[] PointCloudBars(PointCloud points, double[] values, int k)
    {
        using var files = new TempFolder();
        string rows = files.Lines("points", Enumerable.Range(0, points.Count).Select(i =>
            string.Join(' ', points.Point(i).ToArray().Select(c => c.ToString("R", CultureInfo.InvariantCulture))) + " " + Format(values[i])));
        return Parse(OracleTools.RunPython(PointCloudScript, rows, k.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static (double, double)[] Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .Select(f => (ParseNumber(f[0]), ParseNumber(f[1])))
            .Order()
            .ToArray();

    private static double ParseNumber(string s) =>
        s == "inf" ? double.PositiveInfinity : double.Parse(s, CultureInfo.InvariantCulture);
}
