using System.Text.Json;

namespace TopoDsl.Cli.Bench;

/// <summary>
/// Times PyTorch's training step on a benchmark task (Debian's python3-torch under /usr/bin/python3).
/// For n threads it tries torch with n threads and OpenBLAS with 1, and torch with 1 and OpenBLAS with n, and
/// keeps the faster: left at their defaults the two thread pools fight, which would flatter TopoDsl.
/// </summary>
internal static class TorchTrainStep
{
    public static (double Milliseconds, string Configuration) Milliseconds(TrainBenchmarkTask task, int threads)
    {
        var best = (Milliseconds: double.PositiveInfinity, Configuration: "");
        var configurations = threads == 1 ? new[] { (1, 1) } : new[] { (threads, 1), (1, threads) };
        foreach (var (torchThreads, blasThreads) in configurations)
        {
            string spec = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{{\"widths\": [{string.Join(", ", task.Widths)}], \"activation\": \"{task.TorchActivation}\", \"bias\": {(task.Bias ? "true" : "false")}, " +
                $"\"batch\": {task.Batch}, \"torch_threads\": {torchThreads}, \"warmup\": {StepTiming.TrainingStep.Warmup}, " +
                $"\"repeats\": {StepTiming.TrainingStep.Repeats}, \"steps\": {StepTiming.TrainingStep.StepsPerRepeat}}}");
            var (code, stdout, stderr) = TorchProcess.Run(["-c", Script, spec], new Dictionary<string, string>
            {
                ["OPENBLAS_NUM_THREADS"] = blasThreads.ToString(), ["OMP_NUM_THREADS"] = torchThreads.ToString(),
            });
            if (code != 0) throw new InvalidOperationException($"the PyTorch benchmark failed (exit {code}): {stderr.Trim()}");
            double ms = JsonDocument.Parse(stdout).RootElement.GetProperty("ms_per_step").GetDouble();
            if (ms < best.Milliseconds) best = (ms, $"torch {torchThreads} / OpenBLAS {blasThreads} threads");
        }
        return best;
    }

    private static readonly string Script = TorchProcess.Script("torch_train_step.py");
}
