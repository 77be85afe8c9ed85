using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Tests.IO;

/// <summary>Runs Debian's ripser on a file and splits its output.</summary>
internal static class RipserRun
{
    public const string FirstIntervalsHeading = "persistence intervals in dim 0:";

    public static string Stdout(InputFormat format, string file, string? threshold, int dimension = 1)
    {
        var ripser = OracleTools.FindExecutable("ripser") ?? throw new InvalidOperationException("ripser is not on PATH");
        var args = new List<string> { "--format", format.Name(), "--dim", dimension.ToString() };
        if (threshold is not null) args.AddRange(["--threshold", threshold]);
        args.Add(file);
        var (code, stdout, stderr) = OracleTools.Run(ripser, args, timeoutSeconds: 60);
        if (code != 0) throw new InvalidOperationException($"ripser {string.Join(" ", args)} failed ({code}): {stderr}");
        return stdout;
    }

    /// <summary>The lines before <c>persistence intervals in dim 0:</c>.</summary>
    public static IReadOnlyList<string> HeaderLines(string stdout) =>
        stdout.Split('\n').TakeWhile(line => line != FirstIntervalsHeading).ToArray();
}
