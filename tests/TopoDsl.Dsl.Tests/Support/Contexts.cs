namespace TopoDsl.Dsl.Tests.Support;

/// <summary>Hyperparameter sets the tests analyse rules against.</summary>
public static class Contexts
{
    public static Hyperparameter Float(string name, double? value) => new(name, HyperparameterType.Float, value);

    public static RuleContext Of(params Hyperparameter[] hyperparameters) => new(hyperparameters);

    /// <summary>The usual names with the usual defaults, plus an array, an int, an unsupported type and an eps without default.</summary>
    public static RuleContext Standard { get; } = Of(
        Float("lr", 1e-3), Float("beta1", 0.9), Float("beta2", 0.999), Float("eps", 1e-8), Float("wd", 0.01),
        Float("mu", 0.9), Float("alpha", 0.99), Float("sigma", 0.01), Float("c", 1.0), Float("beta", 0.95),
        Float("zero", 0.0), Float("unknown", null),
        new Hyperparameter("steps", HyperparameterType.Int, 10),
        new Hyperparameter("scales", HyperparameterType.FloatArray, null),
        new Hyperparameter("weights", HyperparameterType.DoubleArray, null),
        new Hyperparameter("schedule", HyperparameterType.Unsupported, null));
}
