using System.CommandLine;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Cli.Commands;

/// <summary><c>topo sublevel</c>: 0-dimensional sublevel-set persistence with the merge tree.</summary>
internal static class SublevelCommand
{
    public static Command Create()
    {
        var graph = new Option<string[]>("--graph") { Description = "VERTICES EDGES: one value per line; 'i j' per line", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var points = new Option<string?>("--points") { Description = "rows of coordinates with the function value last" };
        var knn = new Option<int>("--knn") { Description = "neighbours per point for --points", DefaultValueFactory = _ => 0 };
        var maxEdge = new Option<double?>("--max-edge-length") { Description = "drop kNN edges longer than this" };
        var output = new Option<string>("--output") { Description = "text or json", DefaultValueFactory = _ => "text" };
        var outFile = new Option<string?>("--out") { Description = "write the result to this file (atomically)" };
        var command = new Command("sublevel", "0-dimensional sublevel-set persistence on a graph or a point cloud's kNN graph")
        {
            graph, points, knn, maxEdge, output, outFile,
        };
        command.SetAction(parse =>
        {
            string kind = parse.GetValue(output)!;
            if (kind is not ("text" or "json")) throw new UsageException($"--output: unknown output '{kind}'; use text or json");
            var graphFiles = parse.GetValue(graph);
            var pointsFile = parse.GetValue(points);
            if ((graphFiles is null || graphFiles.Length == 0) == (pointsFile is null))
                throw new UsageException("give exactly one of --graph VERTICES EDGES or --points FILE --knn K");
            SublevelResult result;
            if (pointsFile is not null)
            {
                int k = parse.GetValue(knn);
                if (k < 1) throw new UsageException("--knn: give the number of neighbours K (1 or more) with --points");
                if (parse.GetValue(maxEdge) is double longest && !(longest >= 0))
                    throw new UsageException("--max-edge-length: must be a non-negative length");
                var input = ValuedPointsFile.Read(pointsFile);
                result = SublevelPersistence.OnPointCloud(input.Points, input.Values, k, parse.GetValue(maxEdge));
            }
            else
            {
                var values = VertexValuesFile.Read(graphFiles![0]);
                var edges = EdgeListFile.Read(graphFiles[1], values.Length);
                result = SublevelPersistence.OnGraph(values, edges.Sources, edges.Targets);
            }
            PhCommand.Write(parse.GetValue(outFile), writer =>
            {
                if (kind == "json") SublevelJson.Write(result, writer);
                else SublevelText.Write(result, writer);
            });
            return 0;
        });
        return command;
    }
}
