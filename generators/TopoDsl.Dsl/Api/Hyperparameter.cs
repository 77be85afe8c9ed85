namespace TopoDsl.Dsl;

/// <summary>A field or property of the optimizer class that the rule may read; <paramref name="DefaultValue"/> feeds the Lipschitz analysis.</summary>
public sealed record Hyperparameter(string Name, HyperparameterType Type, double? DefaultValue);
