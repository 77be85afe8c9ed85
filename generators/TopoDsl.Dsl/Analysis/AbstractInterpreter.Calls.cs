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
                // Varies: a denominator or a switch on noise is as unbounded as one on g.
                return AbstractValue.Tensor(noisy: true, bound: call.Function == Function.Rand ? LowerBound.NonNegative : LowerBound.Any);
            case Function.Roll or Function.Cumsum or Function.Sort or Function.Flip:
                return Positional(call, values);
            case Function.Where:
                return Where(call, values);
        }
        var shape = Elementwise(call, call.Arguments.Zip(values, (e, v) => (e, v)).ToArray());
        var x = values[0];
        CheckLipschitz(call, x);
        var bound = call.Function switch
        {
            Function.Sqrt or Function.Abs or Function.Square => LowerBounds.Magnitude(x.Bound),
            Function.Relu => LowerBounds.Magnitude(x.Bound),
            Function.Exp or Function.Sigmoid => LowerBound.NonNegative,
            Function.Min => LowerBounds.Meet(x.Bound, values[1].Bound),
            Function.Max => LowerBounds.Join(x.Bound, values[1].Bound),
            Function.Clamp => LowerBounds.Meet(LowerBounds.Join(x.Bound, values[1].Bound), values[2].Bound),
            _ => LowerBound.Any,
        };
        return AbstractValue.Derived(shape, bound, values);
    }

    private void CheckLipschitz(BoundCall call, AbstractValue x)
    {
        if (!x.Varies) return;
        switch (call.Function)
        {
            case Function.Sign:
                _diagnostics.Report(DiagnosticCatalog.SignOfState, call.Span);
                break;
            case Function.Floor or Function.Round:
                _diagnostics.Report(DiagnosticCatalog.StepFunction, call.Span);
                break;
            case Function.Log when x.Bound != LowerBound.Positive:
                _diagnostics.Report(DiagnosticCatalog.LogOfZero, call.Arguments[0].Span, _diagnostics.Fragment(call.Span));
                break;
        }
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
        return AbstractValue.Derived(values[0].Shape, LowerBound.Any, values) with { Positional = true };
    }

    private AbstractValue Where(BoundCall call, AbstractValue[] values)
    {
        var operands = call.Arguments.Zip(values, (e, v) => (e, v)).ToArray();
        var shape = Elementwise(call, operands);
        var condition = values[0];
        bool complete = !call.Arguments.SelectMany(Tree.PreOrder).Any(n => n is BoundError);
        if (complete && condition.Varies && call.Arguments[0] is BoundCompare compare
            && !Continuity.BranchesAgreeOnBoundary(compare, call.Arguments[1], call.Arguments[2]))
            _diagnostics.Report(DiagnosticCatalog.DiscontinuousWhere, call.Span, _diagnostics.Fragment(compare.Span));
        return AbstractValue.Derived(shape, LowerBounds.Meet(values[1].Bound, values[2].Bound), values);
    }

    /// <summary>Full reductions give invariant scalars; per-neuron reductions keep the parameter's axes.</summary>
    private AbstractValue Reduction(BoundReduction reduction)
    {
        var operand = Evaluate(reduction.Operand);
        if (reduction.PerNeuron) _usesNeuronReductions = true;
        var bound = reduction.Kind switch
        {
            ReductionKind.Norm => LowerBounds.Magnitude(operand.Bound),
            _ => operand.Bound,
        };
        switch (operand.Shape.Kind)
        {
            case ShapeKind.Scalar:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, reduction.Span, $"reduces the scalar `{_diagnostics.Fragment(reduction.Operand.Span)}`; reductions need a tensor");
                return AbstractValue.Unknown;
            case ShapeKind.Array when reduction.PerNeuron:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, reduction.Span, "a hyperparameter array has no neurons to reduce over");
                return AbstractValue.Unknown;
            case ShapeKind.Tensor when reduction.PerNeuron && !operand.Shape.IsParameterShaped:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, reduction.Span,
                    $"a per-neuron reduction needs the parameter's shape {Shape.Parameter}, not {operand.Shape}");
                return AbstractValue.Unknown;
            case ShapeKind.Unknown:
                return AbstractValue.Unknown;
        }
        var shape = reduction.PerNeuron ? Shape.Parameter : Shape.Scalar;
        return operand with { Shape = shape, Bound = bound, Constant = operand.Constant };
    }
}
