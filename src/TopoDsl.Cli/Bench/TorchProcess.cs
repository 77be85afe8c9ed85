using System.Diagnostics;

namespace TopoDsl.Cli.Bench;

/// <summary>Runs PyTorch benchmark scripts (embedded in topo) under Debian's /usr/bin/python3.</summary>
internal static class TorchProcess
{
    public const string Python = "/usr/bin/python3";

    public static bool Available()
    {
        if (!File.Exists(Python)) return false;
        try
        {
            return Run(["-c", "import torch"], new Dictionary<string, string>()).ExitCode == 0;
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>The text of an embedded script, e.g. "torch_train_step.py".</summary>
    public static string Script(string name)
    {
        using var stream = typeof(TorchProcess).Assembly.GetManifestResourceStream("TopoDsl.Cli.Bench." + name)
            ?? throw new InvalidOperationException($"the PyTorch benchmark script {name} is not embedded in topo");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Integers as a JSON array for a script's spec (built without reflection, so the native tool can write it).</summary>
    public static System.Text.Json.Nodes.JsonArray Array(IEnumerable<int> values) =>
        new(values.Select(v => (System.Text.Json.Nodes.JsonNode)v).ToArray());

    /// <summary>
    /// Runs an embedded script with its JSON spec on <paramref name="threads"/> torch threads (OpenBLAS on one) and
    /// parses the JSON it prints; a failure names the benchmark.
    /// </summary>
    public static System.Text.Json.JsonElement RunJson(string script, string spec, int threads, string benchmark)
    {
        var (code, stdout, stderr) = Run(["-c", script, spec], new Dictionary<string, string>
        {
            ["OMP_NUM_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture), ["OPENBLAS_NUM_THREADS"] = "1",
        });
        if (code != 0) throw new InvalidOperationException($"the PyTorch {benchmark} failed (exit {code}): {stderr.Trim()}");
        return System.Text.Json.JsonDocument.Parse(stdout).RootElement.Clone();
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> args, Dictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Python}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
