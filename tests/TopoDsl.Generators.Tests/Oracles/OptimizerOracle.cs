using System.Text.Json;

namespace TopoDsl.Generators.Tests.Oracles;

/// <summary>One optimizer run for the oracle: start values, one gradient per parameter per step, and the reference to run.</summary>
public sealed record OracleCase(
    string Name, string Optimizer, IReadOnlyDictionary<string, object> Options,
    IReadOnlyList<(int[] Shape, float[] Values)> Parameters, IReadOnlyList<float[][]> Gradients);

/// <summary>
/// optimizer_oracle.py under Debian's python3 (torch.optim, or the published Lion update in numpy): one process
/// answers a batch of cases through JSON files in a temporary folder (float32 values are written exactly as doubles).
/// </summary>
public static class OptimizerOracle
{
    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Oracles", "optimizer_oracle.py");

    /// <summary>For each case, the parameters after every step: [step][parameter][value].</summary>
    public static (string TorchVersion, double[][][][] Trajectories) Run(IReadOnlyList<OracleCase> cases)
    {
        using var folder = new TempFolder();
        var spec = new
        {
            cases = cases.Select(c => new
            {
                name = c.Name,
                optimizer = c.Optimizer,
                options = c.Options,
                parameters = c.Parameters.Select(p => new { shape = p.Shape, values = Widen(p.Values) }),
                gradients = c.Gradients.Select(step => step.Select(Widen)),
            }),
        };
        File.WriteAllText(Path.Combine(folder.Path, "spec.json"), JsonSerializer.Serialize(spec));
        var (code, stdout, stderr) = OracleTools.Run(OracleTools.Python, [ScriptPath, folder.Path]);
        if (code != 0) throw new InvalidOperationException($"optimizer oracle failed (exit {code}) running {ScriptPath}:\n{stderr}{stdout}");
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "result.json")));
        var answers = result.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(cases.Select(c => c.Name), answers.Select(a => a.GetProperty("name").GetString()));
        var trajectories = answers.Select(a => a.GetProperty("trajectory").EnumerateArray()
            .Select(step => step.EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray())
            .ToArray()).ToArray();
        return (result.RootElement.GetProperty("torch").GetString()!, trajectories);
    }

    private static double[] Widen(float[] values) => values.Select(v => (double)v).ToArray();
}
