using System.Text.Json;

namespace TopoDsl.Training.Tests.Oracles;

/// <summary>One python process answering a batch of cases through a temp folder (spec.json plus raw arrays).</summary>
internal sealed class TorchOracleRun : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<object> _cases = [];

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Oracles", "torch_oracle.py");

    public void AddLossAndGradients(TorchCase c, bool inFloat64)
    {
        var description = Describe(c, "loss_and_gradients");
        description["precision"] = inFloat64 ? "float64" : "float32";
        _cases.Add(description);
    }

    public void AddHessian(TorchCase c, int iterations, int seed, double tolerance)
    {
        var description = Describe(c, "hessian");
        description["iterations"] = iterations;
        description["seed"] = seed;
        description["tolerance"] = tolerance;
        _cases.Add(description);
    }

    /// <summary>Runs python and returns one JSON object per case.</summary>
    public JsonElement[] Execute()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "spec.json"), JsonSerializer.Serialize(new { cases = _cases }));
        var (code, stdout, stderr) = OracleTools.Run(OracleTools.Python, [ScriptPath, _folder.Path]);
        if (code != 0)
            throw new TorchOracleException($"torch oracle failed (exit {code}) running {ScriptPath}:\n{stderr}{stdout}");
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.Path, "result.json")));
        return result.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public double[] Gradients(int caseIndex) => RawArrays.ReadDoubles(Path.Combine(_folder.Path, $"case{caseIndex}_gradients.bin"));

    private Dictionary<string, object> Describe(TorchCase c, string kind)
    {
        c.Validate();
        var index = _cases.Count;
        var shapes = c.Model.ParameterShapes();
        var parameters = new List<object>();
        for (var p = 0; p < shapes.Count; p++)
            parameters.Add(Array(c.Parameters[p], shapes[p], $"case{index}_parameter{p}.bin"));
        var targetShape = c.Targets.Labels is { } labels ? new[] { labels.Length } : [c.BatchSize, c.Model.Outputs];
        var targets = c.Targets.Labels is not null
            ? Array(c.Targets.Labels, targetShape, $"case{index}_targets.bin")
            : Array(c.Targets.Values!, targetShape, $"case{index}_targets.bin");
        targets["dtype"] = c.Targets.Labels is not null ? "int32" : "float32";
        return new Dictionary<string, object>
        {
            ["kind"] = kind,
            ["model"] = c.Model.ToJson(),
            ["parameters"] = parameters,
            ["inputs"] = Array(c.Inputs, c.InputShape, $"case{index}_inputs.bin"),
            ["targets"] = targets,
        };
    }

    private Dictionary<string, object> Array(float[] values, int[] shape, string name)
    {
        RawArrays.Write(Path.Combine(_folder.Path, name), values);
        return new Dictionary<string, object> { ["file"] = name, ["shape"] = shape };
    }

    private Dictionary<string, object> Array(int[] values, int[] shape, string name)
    {
        RawArrays.Write(Path.Combine(_folder.Path, name), values);
        return new Dictionary<string, object> { ["file"] = name, ["shape"] = shape };
    }

    public void Dispose() => _folder.Dispose();
}
