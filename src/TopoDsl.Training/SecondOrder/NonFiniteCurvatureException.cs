namespace TopoDsl.Training.SecondOrder;

/// <summary>
/// The loss, or a Hessian-vector product, is NaN or infinite at the parameters: there is no sharpness to measure.
/// An <see cref="ArgumentException"/> (the parameters given are unusable), so that callers reporting bad input
/// keep doing so; a training loop can tell it from other argument errors and call the run diverged.
/// </summary>
public sealed class NonFiniteCurvatureException(string message) : ArgumentException(message, "loss");
