using System.Globalization;
using System.Text.Json;

namespace TopoDsl.Cli.Bench;

/// <summary>Times torch.optim.Adam's step (foreach implementation) on one parameter tensor.</summary>
internal static class TorchOptimizerStep
{
    public static double Milliseconds(int parameters, int threads, bool useForeach)
    {
        string spec = string.Create(CultureInfo.InvariantCulture,
            $"{{\"parameters\": {parameters}, \"threads\": {threads}, \"foreach\": {(useForeach ? "true" : "false")}, " +
            $"\"warmup\": {StepTiming.OptimizerStep.Warmup}, \"repeats\": {StepTiming.OptimizerStep.Repeats}, \"steps\": {StepTiming.OptimizerStep.StepsPerRepeat}}}");
        var (code, stdout, stderr) = TorchProcess.Run(["-c", Script, spec], new Dictionary<string, string>
        {
            ["OMP_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture),
            ["OPENBLAS_NUM_THREADS"] = "1",
        });
        if (code != 0) throw new InvalidOperationException($"the PyTorch optimizer benchmark failed (exit {code}): {stderr.Trim()}");
        return JsonDocument.Parse(stdout).RootElement.GetProperty("ms_per_step").GetDouble();
    }

    private static readonly string Script = TorchProcess.Script("torch_optimizer_step.py");
}
