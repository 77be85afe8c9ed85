namespace TopoDsl.Training.Tests.Oracles;

/// <summary>
/// PyTorch as the reference for the training engine. Each call (single or batched) starts one python process
/// (~2 s, mostly importing torch): batch cases when a test asks many questions.
/// Parameters: float32 arrays in PyTorch layouts, in <see cref="TorchModel.ParameterShapes"/> order (= model.parameters()).
/// </summary>
public static class TorchOracle
{
    /// <summary>Power iteration stops early once the eigenvalue estimate changes by at most this relative amount.</summary>
    public const double DefaultTolerance = 1e-10;

    public static bool Available => OracleTools.HasTorch;

    /// <summary>Loss (float32 in torch, widened exactly) and the gradient of every parameter, in float32 as torch runs.</summary>
    public static (double Loss, float[][] Gradients) LossAndGradients(
        TorchModel model, float[][] parameters, float[] inputs, int[] inputShape, OracleTargets targets) =>
        LossAndGradients([new TorchCase(model, parameters, inputs, inputShape, targets)])[0];

    public static IReadOnlyList<(double Loss, float[][] Gradients)> LossAndGradients(IReadOnlyList<TorchCase> cases) =>
        Run(cases, inFloat64: false).Select(r => (r.Loss, r.Gradients.Select(g => g.Select(x => (float)x).ToArray()).ToArray())).ToArray();

    /// <summary>
    /// The same models run by torch in float64 (parameters, inputs and targets widened exactly): the exact answer for the
    /// given float32 values, free of torch's own float32 rounding, which <see cref="LossAndGradients(IReadOnlyList{TorchCase})"/> shows.
    /// </summary>
    public static IReadOnlyList<(double Loss, double[][] Gradients)> LossAndGradientsInFloat64(IReadOnlyList<TorchCase> cases) =>
        Run(cases, inFloat64: true);

    private static (double Loss, double[][] Gradients)[] Run(IReadOnlyList<TorchCase> cases, bool inFloat64)
    {
        using var run = new TorchOracleRun();
        foreach (var c in cases) run.AddLossAndGradients(c, inFloat64);
        var results = run.Execute();
        return cases.Select((c, i) => (results[i].GetProperty("loss").GetDouble(), Split(run.Gradients(i), c.Parameters))).ToArray();
    }

    /// <summary>The Hessian eigenvalue of largest magnitude (signed), by power iteration in float64.</summary>
    public static double TopHessianEigenvalue(
        TorchModel model, float[][] parameters, float[] inputs, int[] inputShape, OracleTargets targets, int iterations, int seed) =>
        HessianPowerIteration(model, parameters, inputs, inputShape, targets, iterations, seed).Eigenvalue;

    public static HessianEigenvalue HessianPowerIteration(
        TorchModel model, float[][] parameters, float[] inputs, int[] inputShape, OracleTargets targets, int iterations, int seed,
        double tolerance = DefaultTolerance) =>
        HessianPowerIteration([new TorchCase(model, parameters, inputs, inputShape, targets)], iterations, seed, tolerance)[0];

    /// <summary>
    /// Hessian of the mean loss over each case's full batch: torch.autograd.grad with create_graph=True, then the grad of
    /// g·v; the start vector is torch.randn under <paramref name="seed"/>. Runs in float64 (parameters and inputs widened
    /// exactly) so the oracle's own rounding stays far below the 1% the engine is held to.
    /// </summary>
    public static IReadOnlyList<HessianEigenvalue> HessianPowerIteration(
        IReadOnlyList<TorchCase> cases, int iterations, int seed, double tolerance = DefaultTolerance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        using var run = new TorchOracleRun();
        foreach (var c in cases) run.AddHessian(c, iterations, seed, tolerance);
        return run.Execute().Select(r => new HessianEigenvalue(
            r.GetProperty("eigenvalue").GetDouble(), r.GetProperty("iterations").GetInt32(),
            r.GetProperty("relative_change").GetDouble())).ToArray();
    }

    private static double[][] Split(double[] flat, float[][] like)
    {
        if (flat.Length != like.Sum(p => p.Length))
            throw new TorchOracleException($"torch returned {flat.Length} gradient values for {like.Sum(p => p.Length)} parameters");
        var offset = 0;
        return like.Select(p => flat.AsSpan((offset += p.Length) - p.Length, p.Length).ToArray()).ToArray();
    }
}
