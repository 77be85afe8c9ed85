using System.CommandLine;
using TopoDsl.Homology.IO;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Cli.Commands;

/// <summary><c>topo ph</c>: Vietoris–Rips barcodes, a drop-in for ripser.</summary>
internal static class PhCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "input file ('-' for standard input)" };
        var format = new Option<string>("--format")
        {
            Description = $"input format: {string.Join(", ", InputFormats.Names)}",
            DefaultValueFactory = _ => "distance",
        };
        var dim = new Option<int>("--dim") { Description = "compute homology up to this dimension", DefaultValueFactory = _ => 1 };
        var threshold = new Option<float?>("--threshold") { Description = "largest diameter included (default: enclosing radius)" };
        var modulus = new Option<int>("--modulus") { Description = "coefficients in Z/p, p prime", DefaultValueFactory = _ => 2 };
        var threads = new Option<int>("--threads") { Description = "worker threads", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string>("--output") { Description = "ripser, json or gudhi", DefaultValueFactory = _ => "ripser" };
        var outFile = new Option<string?>("--out") { Description = "write the result to this file (atomically) instead of standard output" };
        var cocycles = new Option<bool>("--cocycles") { Description = "print representative cocycles of the finite H1 bars" };
        var maxMemory = new Option<string?>("--max-memory") { Description = "refuse to start if the estimated peak exceeds this size (e.g. 2G)" };

        var command = new Command("ph", "Vietoris–Rips persistent homology (ripser-compatible output)")
        {
            file, format, dim, threshold, modulus, threads, output, outFile, cocycles, maxMemory,
        };
        command.SetAction(parse =>
        {
            var inputFormat = InputFormats.TryParse(parse.GetValue(format), out var f)
                ? f
                : throw new UsageException($"--format: unknown format '{parse.GetValue(format)}'; valid formats are: {string.Join(", ", InputFormats.Names)}");
            string outputKind = parse.GetValue(output)!;
            if (outputKind is not ("ripser" or "json" or "gudhi"))
                throw new UsageException($"--output: unknown output '{outputKind}'; use ripser, json or gudhi");
            int maxDim = parse.GetValue(dim);
            if (maxDim < 0) throw new UsageException("--dim: must be 0 or more");
            int threadCount = parse.GetValue(threads);
            if (threadCount < 1) throw new UsageException("--threads: must be 1 or more");
            float? t = parse.GetValue(threshold);
            if (t is float tv && (float.IsNaN(tv) || tv < 0)) throw new UsageException("--threshold: must be a non-negative number");
            int p = parse.GetValue(modulus);
            if (RipsOptions.ModulusProblem(p) is string problem) throw new UsageException($"--modulus {problem}");
            long? budget = parse.GetValue(maxMemory) is string m ? ByteSize.Parse(m, "--max-memory") : null;

            var input = MetricReader.Read(parse.GetValue(file)!, inputFormat);
            var options = new RipsOptions
            {
                MaxDimension = maxDim, Threshold = t, Modulus = p, Threads = threadCount,
                Cocycles = parse.GetValue(cocycles), MaxMemoryBytes = budget,
                AvailableMemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            };
            var result = ProgressDisplay.Run("computing persistence", progress => Compute(input, options with { Progress = progress }));
            Write(parse.GetValue(outFile), writer => WriteResult(writer, outputKind, input, t, result, options.Cocycles));
            return 0;
        });
        return command;
    }

    private static RipsResult Compute(MetricInput input, RipsOptions options) =>
        input.Cloud is not null ? VietorisRips.Compute(input.Cloud, options)
        : input.Matrix is not null ? VietorisRips.Compute(input.Matrix, options)
        : VietorisRips.Compute(input.Sparse!, options);

    private static void WriteResult(TextWriter writer, string kind, MetricInput input, float? threshold, RipsResult result, bool cocycles)
    {
        switch (kind)
        {
            case "json":
                writer.Write(ResultJsonWriter.ToJson(result));
                writer.WriteLine();
                break;
            case "gudhi":
                GudhiLinesWriter.Write(writer, result.Barcode);
                break;
            default:
                RipserTextWriter.Write(writer, result, RipserHeader.Describe(input, threshold).Lines(), cocycles);
                break;
        }
    }

    internal static void Write(string? path, Action<TextWriter> write)
    {
        if (path is null)
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            write(stdout);
            stdout.Flush();
        }
        else AtomicFile.WriteAllText(path, write);
    }
}
