using System.Diagnostics;
using System.Globalization;

namespace TopoDsl.Cli.Bench;

/// <summary>Wall time, CPU time and peak resident memory of one child process, measured by GNU time.</summary>
internal sealed record ProcessMeasurement(double WallSeconds, double CpuSeconds, long PeakBytes, string Stdout)
{
    public const string GnuTime = "/usr/bin/time";

    /// <summary>Runs the command under GNU time (so both tools are measured by the same, tiny parent).</summary>
    public static ProcessMeasurement Run(string file, IReadOnlyList<string> args, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(GnuTime)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-f");
        psi.ArgumentList.Add("TOPODSL-TIME %e %U %S %M");
        psi.ArgumentList.Add(file);
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {GnuTime}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var timing = stderr.Result.Split('\n').LastOrDefault(l => l.StartsWith("TOPODSL-TIME ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || timing is null)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
        var f = timing.Split(' ');
        double Num(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
        return new ProcessMeasurement(Num(1), Num(2) + Num(3), (long)Num(4) * 1024, stdout.Result);
    }
}
