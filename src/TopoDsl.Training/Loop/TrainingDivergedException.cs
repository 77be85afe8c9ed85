namespace TopoDsl.Training.Loop;

/// <summary>The loss became NaN or infinite: the run stopped at this step rather than produce garbage.</summary>
public sealed class TrainingDivergedException(TrainingStep step)
    : Exception($"training diverged at step {step.Step} (epoch {step.Epoch + 1}, batch {step.BatchInEpoch + 1} of {step.BatchesPerEpoch}): " +
                $"the loss is {step.Loss}. Lower the learning rate (above 2/K, K the top Hessian eigenvalue, gradient descent diverges) or check the data for NaN or infinite values.")
{
    public TrainingStep At { get; } = step;
}
