using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Analysis;

internal sealed partial class AbstractInterpreter
{
    private AbstractValue Call(BoundCall call)
    {
        var values = call.Arguments.Select(Evaluate).ToArray();
        switch (call.Function)
        {
            case Function.Transpose:
                return Transpose(call, values[0]);
            case Function.Randn or Function.Rand:
                _usesNoise = true;
                _diagnostics.Report(DiagnosticCatalog.Noise, call.Span);
                // Varies: a denominator or a switch on noise is as unbounded as one on g. rand() is in [0, 1):
                // a constant of each draw, never negative.
                return call.Function == Function.Rand
                    ? AbstractValue.Tensor(noisy: true, floor: 0, order: RootOrders.Any)
                    : AbstractValue.Tensor(noisy: true);
            case Function.Roll or Function.Cumsum or Function.Sort or Function.Flip:
                return Positional(call, values);
            case Function.Where:
                return Where(call, values);
        }
        var shape = Elementwise(call, call.Arguments.Zip(values, (e, v) => (e, v)).ToArray());
        if (shape.Kind == ShapeKind.Array) return AbstractValue.Derived(shape, Floors.None, RootOrders.Unknown, values);   // an error where it is used
        var (floor, order) = LipschitzOf(call, values);
        return AbstractValue.Derived(shape, floor, order, values);
    }

    private AbstractValue Positional(BoundCall call, AbstractValue[] values)
    {
        var descriptor = call.Function switch
        {
            Function.Roll => DiagnosticCatalog.Roll,
            Function.Cumsum => DiagnosticCatalog.Cumsum,
            Function.Sort => DiagnosticCatalog.Sort,
            _ => DiagnosticCatalog.Flip,
        };
        _diagnostics.Report(descriptor, call.Span);
        return AbstractValue.Derived(values[0].Shape, Floors.None, RootOrders.Unknown, values) with { Positional = true };
    }

    private AbstractValue Where(BoundCall call, AbstractValue[] values)
    {
        var operands = call.Arguments.Zip(values, (e, v) => (e, v)).ToArray();
        var shape = Elementwise(call, operands);
        var condition = values[0];
        bool complete = !call.Arguments.SelectMany(Tree.PreOrder).Any(n => n is BoundError);
        if (complete && condition.Varies && call.Arguments[0] is BoundCompare compare
            && !Continuity.BranchesAgreeOnBoundary(compare, call.Arguments[1], call.Arguments[2]))
            _diagnostics.Report(LipschitzRules.Where.Diagnostic!, call.Span, _diagnostics.Fragment(compare.Span));
        var (a, b) = (values[1], values[2]);
        double order = a.Floor >= 0 && b.Floor >= 0 ? RootOrders.Combine(a.EffectiveOrder, b.EffectiveOrder) : RootOrders.Unknown;
        return AbstractValue.Derived(shape, Math.Min(a.Floor, b.Floor), order, values);
    }

    /// <summary>Full reductions give invariant scalars; per-neuron reductions keep the parameter's axes.</summary>
    private AbstractValue Reduction(BoundReduction reduction)
    {
        var operand = Evaluate(reduction.Operand);
        if (reduction.PerNeuron) _usesNeuronReductions = true;
        switch (operand.Shape.Kind)
        {
            case ShapeKind.Scalar:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, reduction.Span, $"reduces the scalar `{_diagnostics.Fragment(reduction.Operand.Span)}`; reductions need a tensor");
                return AbstractValue.Unknown;
            case ShapeKind.Array when reduction.PerNeuron:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, reduction.Span, "a hyperparameter array has no neurons to reduce over");
                return AbstractValue.Unknown;
            case ShapeKind.Array when !IsWholeArray(reduction.Operand):
                return AbstractValue.Unknown;
            case ShapeKind.Tensor when reduction.PerNeuron && !operand.Shape.IsParameterShaped:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, reduction.Span,
                    $"a per-neuron reduction needs the parameter's shape {Shape.Parameter}, not {operand.Shape}");
                return AbstractValue.Unknown;
            case ShapeKind.Unknown:
                return AbstractValue.Unknown;
        }
        var shape = reduction.PerNeuron ? Shape.Parameter : Shape.Scalar;
        var (floor, order) = LipschitzOf(reduction.Kind, operand);
        return operand with { Shape = shape, Floor = floor, Order = order };
    }
}
