using System.Diagnostics;

namespace TopoDsl.Package.Tests;

/// <summary>
/// Runs the dotnet CLI as a user would, from a clean environment: the variables that `dotnet test` sets for
/// MSBuild would otherwise point the child build at this build's SDK state.
/// </summary>
internal static class DotnetCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args) => RunWith(null, workingDirectory, args);

    /// <summary>As <see cref="Run"/>, with these environment variables set (or replaced) for the child.</summary>
    public static (int ExitCode, string Output) RunWith(IReadOnlyDictionary<string, string>? environment, string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var name in psi.Environment.Keys.ToList())
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name is "DOTNET_HOST_PATH" or "CI")
                psi.Environment.Remove(name);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within 10 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
