namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// The abstract value of an expression: its shape; its <see cref="Floors">floor</see> (lower bound as float32
/// computes it) and <see cref="RootOrders">root order</see>, for the Lipschitz check; whether it varies with
/// (p, g, state or noise) — a quantity that does not is a constant of the step; whether it is noise; whether it
/// reads positions (the taint, whose origin has been reported); whether it is made only of literals and
/// hyperparameters (a valid state initial value).
/// </summary>
internal sealed record AbstractValue(Shape Shape, double Floor, double Order, bool Varies, bool Noisy, bool Positional, bool Constant)
{
    /// <summary>A subexpression whose error is already reported: silent (positive, constant), so no warning follows from it.</summary>
    public static AbstractValue Unknown { get; } = new(Shape.Unknown, 1, RootOrders.Any, false, false, false, false);

    public static AbstractValue Tensor(bool noisy = false, double floor = Floors.None, double order = RootOrders.Unknown) =>
        new(Shape.Parameter, floor, order, true, noisy, false, false);

    /// <summary>The flags of a value computed from <paramref name="inputs"/>, with the given shape, floor and order.</summary>
    public static AbstractValue Derived(Shape shape, double floor, double order, params AbstractValue[] inputs) => new(
        shape,
        floor,
        order,
        inputs.Any(v => v.Varies),
        inputs.Any(v => v.Noisy),
        inputs.Any(v => v.Positional),
        inputs.All(v => v.Constant));

    /// <summary>The order, counting a positive floor: a value bounded away from zero has roots of every order.</summary>
    public double EffectiveOrder => Floor > 0 ? RootOrders.Any : Floor >= 0 ? RootOrders.AtLeastOne(Order) : RootOrders.Unknown;

    /// <summary>The least upper bound of two values of one state at the start of a step (the fixpoint's join).</summary>
    public AbstractValue Join(AbstractValue other) => new(
        Shape,
        Math.Min(Floor, other.Floor),
        Math.Min(EffectiveOrder, other.EffectiveOrder),
        Varies || other.Varies,
        Noisy || other.Noisy,
        Positional || other.Positional,
        false);
}
