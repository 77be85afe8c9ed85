using System.CommandLine;
using System.Globalization;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Cli.Commands;

/// <summary><c>topo sublevel</c>: 0-dimensional sublevel-set persistence with the merge tree.</summary>
internal static class SublevelCommand
{
    public static Command Create()
    {
        var graph = new Option<string[]>("--graph") { Description = "VERTICES EDGES: one value per line; 'i j' per line", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var points = new Option<string?>("--points") { Description = "rows of coordinates with the function value last" };
        var grid = new Option<string?>("--grid") { Description = "a grid's values in row-major order (numpy's savetxt of an array), with --shape" };
        var shape = new Option<string?>("--shape") { Description = "the grid's size along each axis, e.g. 51,51" };
        var connectivity = new Option<string>("--connectivity") { Description = "grid neighbours: faces (4 in 2-D) or full (8 in 2-D, GUDHI's cubical complex of cells)", DefaultValueFactory = _ => "faces" };
        var knn = new Option<int>("--knn") { Description = "neighbours per point for --points", DefaultValueFactory = _ => 0 };
        var maxEdge = new Option<double?>("--max-edge-length") { Description = "drop kNN edges longer than this" };
        var paths = new Option<bool>("--paths") { Description = "add each merge's path from the dying minimum over its saddle to the surviving one" };
        var output = new Option<string>("--output") { Description = "text or json", DefaultValueFactory = _ => "text" };
        var outFile = new Option<string?>("--out") { Description = "write the result to this file (atomically)" };
        var command = new Command("sublevel", "0-dimensional sublevel-set persistence on a graph, a point cloud's kNN graph or a grid: minima, saddles and the merge tree")
        {
            graph, points, grid, shape, connectivity, knn, maxEdge, paths, output, outFile,
        };
        command.SetAction(parse =>
        {
            string kind = parse.GetValue(output)!;
            if (kind is not ("text" or "json")) throw new UsageException($"--output: unknown output '{kind}'; use text or json");
            var graphFiles = parse.GetValue(graph);
            var pointsFile = parse.GetValue(points);
            var gridFile = parse.GetValue(grid);
            int inputs = (graphFiles is { Length: > 0 } ? 1 : 0) + (pointsFile is null ? 0 : 1) + (gridFile is null ? 0 : 1);
            if (inputs != 1)
                throw new UsageException("give exactly one of --graph VERTICES EDGES, --points FILE --knn K, or --grid FILE --shape N,M");
            if (gridFile is null && parse.GetValue(shape) is not null) throw new UsageException("--shape: only with --grid");
            if (gridFile is null && parse.GetResult(connectivity) is { Implicit: false }) throw new UsageException("--connectivity: only with --grid");

            SublevelResult result;
            Func<int, IReadOnlyList<double>>? locate = null;
            if (pointsFile is not null)
            {
                int k = parse.GetValue(knn);
                if (k < 1) throw new UsageException("--knn: give the number of neighbours K (1 or more) with --points");
                if (parse.GetValue(maxEdge) is double longest && !(longest >= 0))
                    throw new UsageException("--max-edge-length: must be a non-negative length");
                var input = ValuedPointsFile.Read(pointsFile);
                result = SublevelPersistence.OnPointCloud(input.Points, input.Values, k, parse.GetValue(maxEdge));
                locate = v => input.Points.Point(v).ToArray().Select(c => (double)c).ToArray();
            }
            else if (gridFile is not null)
            {
                int[] sizes = GridShape(parse.GetValue(shape));
                var neighbours = parse.GetValue(connectivity) switch
                {
                    "faces" => GridConnectivity.Faces,
                    "full" => GridConnectivity.Full,
                    var other => throw new UsageException($"--connectivity: unknown connectivity '{other}'; use faces or full"),
                };
                result = SublevelPersistence.OnGrid(GridValuesFile.Read(gridFile, sizes), sizes, neighbours);
                locate = v => GridIndices(v, sizes);
            }
            else
            {
                var values = VertexValuesFile.Read(graphFiles![0]);
                var edges = EdgeListFile.Read(graphFiles[1], values.Length);
                result = SublevelPersistence.OnGraph(values, edges.Sources, edges.Targets);
            }
            bool withPaths = parse.GetValue(paths);
            PhCommand.Write(parse.GetValue(outFile), writer =>
            {
                if (kind == "json") SublevelJson.Write(result, writer, new SublevelJsonOptions { Locate = locate, Paths = withPaths });
                else SublevelText.Write(result, writer, withPaths);
            });
            return 0;
        });
        return command;
    }

    private static int[] GridShape(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException("--shape: give the grid's size along each axis with --grid, e.g. --shape 51,51");
        var sizes = new List<int>();
        long points = 1;
        foreach (var field in text.Split(','))
        {
            if (!int.TryParse(field.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1)
                throw new UsageException($"--shape: '{field.Trim()}' is not a size (a whole number from 1) in '{text}'");
            points *= size;
            if (points > Array.MaxLength) throw new UsageException($"--shape: a grid of shape {text} has more points than one array holds");
            sizes.Add(size);
        }
        return sizes.ToArray();
    }

    private static double[] GridIndices(int vertex, int[] sizes)
    {
        var indices = new double[sizes.Length];
        for (int axis = sizes.Length - 1; axis >= 0; axis--)
        {
            indices[axis] = vertex % sizes[axis];
            vertex /= sizes[axis];
        }
        return indices;
    }
}
