using System.Diagnostics;

namespace TopoDsl.TestSupport;

/// <summary>
/// The reference tools TopoDsl is checked against (Debian's ripser, ripser-coeff, python3-gudhi and python3-torch).
/// On a user's machine a missing oracle skips its tests with a visible reason; in CI
/// (TOPODSL_REQUIRE_ORACLES=1) a missing oracle is a failure, never a skip.
/// </summary>
public static class OracleTools
{
    public const string Python = "/usr/bin/python3";

    public static bool Required => Environment.GetEnvironmentVariable("TOPODSL_REQUIRE_ORACLES") == "1";

    public static string? FindExecutable(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static bool HasRipser => FindExecutable("ripser") is not null;
    public static bool HasRipserCoeff => FindExecutable("ripser-coeff") is not null;

    private static readonly Lazy<bool> PythonGudhi = new(() => PythonCanImport("gudhi"));
    public static bool HasGudhi => PythonGudhi.Value;

    private static readonly Lazy<bool> PythonTorch = new(() => PythonCanImport("torch"));
    public static bool HasTorch => PythonTorch.Value;

    public static bool PythonCanImport(string module)
    {
        if (!File.Exists(Python)) return false;
        try
        {
            var (code, _, _) = Run(Python, ["-c", $"import {module}"], stdin: null, timeoutSeconds: 60);
            return code == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Runs a process to completion and returns its exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> args, string? stdin = null,
        int timeoutSeconds = 600, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeoutSeconds} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a Python script text under Debian's interpreter; fails the test on a non-zero exit.</summary>
    public static string RunPython(string script, params string[] args)
    {
        var (code, stdout, stderr) = Run(Python, new[] { "-c", script }.Concat(args));
        if (code != 0) throw new InvalidOperationException($"python oracle failed ({code}): {stderr}");
        return stdout;
    }
}

/// <summary>A fact that needs Debian's ripser on PATH.</summary>
public sealed class RipserFactAttribute : FactAttribute
{
    public RipserFactAttribute()
    {
        if (!OracleTools.HasRipser && !OracleTools.Required)
            Skip = "oracle missing: install Debian's ripser (apt-get install ripser) to run this test";
    }
}

/// <summary>A fact that needs Debian's ripser-coeff on PATH.</summary>
public sealed class RipserCoeffFactAttribute : FactAttribute
{
    public RipserCoeffFactAttribute()
    {
        if (!OracleTools.HasRipserCoeff && !OracleTools.Required)
            Skip = "oracle missing: install Debian's ripser (provides ripser-coeff) to run this test";
    }
}

/// <summary>A fact that needs python3-gudhi under /usr/bin/python3.</summary>
public sealed class GudhiFactAttribute : FactAttribute
{
    public GudhiFactAttribute()
    {
        if (!OracleTools.HasGudhi && !OracleTools.Required)
            Skip = "oracle missing: install Debian's python3-gudhi and python3-numpy to run this test";
    }
}

/// <summary>A fact that needs python3-torch under /usr/bin/python3.</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public TorchFactAttribute()
    {
        if (!OracleTools.HasTorch && !OracleTools.Required)
            Skip = "oracle missing: install Debian's python3-torch and libopenblas0-pthread to run this test";
    }
}

/// <summary>A fact that opens a page in Debian's chromium, headless.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (OracleTools.FindExecutable("chromium") is null && !OracleTools.Required)
            Skip = "browser missing: install Debian's chromium (apt-get install chromium) to open the report in a real browser";
    }
}
