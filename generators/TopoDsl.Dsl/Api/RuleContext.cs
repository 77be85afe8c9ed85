namespace TopoDsl.Dsl;

/// <summary>What the rule's text cannot say itself: the hyperparameters the optimizer class declares.</summary>
public sealed record RuleContext(EquatableArray<Hyperparameter> Hyperparameters)
{
    public static RuleContext Empty { get; } = new(EquatableArray<Hyperparameter>.Empty);
}
