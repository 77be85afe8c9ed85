using TopoDsl.Text;

namespace TopoDsl.Cli.Tests;

/// <summary>What a run of the topo command left behind.</summary>
internal sealed record TopoRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The lines written to standard error.</summary>
    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the topo built with this test project (topo.dll beside it) as a child process.</summary>
internal static class Topo
{
    private static readonly string Dll = typeof(ErrorLine).Assembly.Location;

    public static TopoRun Run(params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : OracleTools.FindExecutable("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        var (code, stdout, stderr) = OracleTools.Run(dotnet, [Dll, .. args]);
        return new TopoRun(code, stdout, stderr);
    }
}
