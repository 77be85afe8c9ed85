namespace TopoDsl.Training.Optimizers;

/// <summary>
/// The optimizer contract: one update of every parameter from its gradient. <paramref name="step"/> counts from 1.
/// Rules written in the update-rule DSL are compiled to implementations of this interface.
/// </summary>
public interface IOptimizer
{
    void Step(IReadOnlyList<ParameterSlot> parameters, int step);
}
