using System.Diagnostics;

namespace TopoDsl.Experiments.Tests;

/// <summary>
/// The example's quick FigureEight as a user runs it, killed outright (SIGKILL, no chance to clean up) part-way,
/// twice, and started again with the same command: it ends with the same files as a run never killed.
/// </summary>
public sealed class KillTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void A_run_killed_twice_and_started_again_ends_with_the_same_files_as_one_never_killed()
    {
        using var whole = new TempFolder();
        using var killed = new TempFolder();
        Assert.Equal(0, Run(whole.Path, killWhen: null).ExitCode);

        // Once just after the first checkpoint of the first run is on disk, once between checkpoints of the second run.
        var first = Run(killed.Path, killWhen: () => Checkpoints(killed.Path, "lr=0.0025_seed=0"));
        Assert.True(first.Killed, "the first run finished before it could be killed");
        // A short delay: a quick cell trains in about 0.1-0.3 s, and its first checkpoint (step 56 of 560) leaves most of
        // that, but a delay of a large part of it (150 ms, before the training engine got faster) let the run finish first.
        var second = Run(killed.Path, killWhen: () => Checkpoints(killed.Path, "lr=0.003_seed=0"), extraDelay: TimeSpan.FromMilliseconds(15));
        Assert.True(second.Killed, "the second run finished before it could be killed");
        Assert.True(File.Exists(Path.Combine(killed.Path, "runs", "lr=0.0025_seed=0", "result.json")), "the first cell was complete before the second kill");
        var last = Run(killed.Path, killWhen: null);
        Assert.Equal(0, last.ExitCode);
        Assert.Contains("already complete, kept", last.Errors);
        Assert.Contains("resumed after step", last.Errors);

        static List<string> Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.EndsWith(".bin", StringComparison.Ordinal) && f != "report.html" && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Files(whole.Path), Files(killed.Path));
        foreach (var name in Files(whole.Path))
            Assert.True(File.ReadAllBytes(Path.Combine(whole.Path, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(killed.Path, name))), $"{name} differs");
    }

    private static bool Checkpoints(string root, string cell) => File.Exists(Path.Combine(root, "runs", cell, "checkpoint.bin"));

    private static (int ExitCode, bool Killed, string Errors) Run(string output, Func<bool>? killWhen, TimeSpan extraDelay = default)
    {
        string dll = Path.Combine(Repository.Root, "examples", "TopologicalInvariance", "bin", Configuration, "net10.0", "TopologicalInvariance.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host : OracleTools.FindExecutable("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "run", "FigureEight", "--quick", "--out", output }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        bool killed = false;
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (killWhen is not null && killWhen())
            {
                Thread.Sleep(extraDelay);
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    killed = true;
                }
                break;
            }
            Thread.Sleep(5);
        }
        process.WaitForExit();
        return (killed ? -1 : process.ExitCode, killed, stderr.Result + stdout.Result);
    }
}
