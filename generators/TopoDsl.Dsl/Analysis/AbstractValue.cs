namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// The abstract value of an expression: its shape; its lower bound; whether it varies with (p, g, state or noise)
/// — a quantity that does not is a constant of the step and harmless in a denominator; whether it is noise;
/// whether it reads positions (the taint, whose origin has been reported); whether it is made only of literals
/// and hyperparameters (a valid state initial value).
/// </summary>
internal sealed record AbstractValue(Shape Shape, LowerBound Bound, bool Varies, bool Noisy, bool Positional, bool Constant)
{
    public static AbstractValue Unknown { get; } = new(Shape.Unknown, LowerBound.Any, false, false, false, false);

    public static AbstractValue ScalarConstant(LowerBound bound) => new(Shape.Scalar, bound, false, false, false, true);

    public static AbstractValue Tensor(bool noisy = false, bool positional = false, LowerBound bound = LowerBound.Any) =>
        new(Shape.Parameter, bound, true, noisy, positional, false);

    /// <summary>The flags of a value computed from <paramref name="inputs"/>, with the given shape and bound.</summary>
    public static AbstractValue Derived(Shape shape, LowerBound bound, params AbstractValue[] inputs) => new(
        shape,
        bound,
        inputs.Any(v => v.Varies),
        inputs.Any(v => v.Noisy),
        inputs.Any(v => v.Positional),
        inputs.All(v => v.Constant));
}
