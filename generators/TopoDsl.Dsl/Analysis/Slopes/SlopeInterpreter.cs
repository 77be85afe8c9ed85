using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Analysis.Slopes;

/// <summary>
/// A numeric companion of the Lipschitz verdict: runs the rule for a fixed number of steps over intervals and
/// bounds the slope of the final parameter in the start parameter and every step's gradient (all in one box),
/// following the same table (<see cref="LipschitzRules"/>): each requirement the verdict checks is met here by a
/// finite slope, and a breach gives an infinite one. The tests measure slopes of the emitted optimizers against it.
/// </summary>
internal sealed partial class SlopeInterpreter
{
    /// <summary>|randn()| &lt;= sqrt(-2 ln 2^-53): Box-Muller's first factor with u1 &gt;= 2^-53.</summary>
    private const double GaussianBound = 8.58;

    private readonly SlopeQuery _query;
    private readonly IReadOnlyDictionary<string, double?> _values;
    private readonly SlopeValue[] _states;
    private readonly SlopeValue[] _locals;
    private SlopeValue _parameter;
    private SlopeValue _gradient;
    private int _step;
    private double _largest;
    private bool _breached;

    private SlopeInterpreter(BoundRule rule, RuleContext context, SlopeQuery query)
    {
        _query = query;
        _values = HyperparameterValues.AsEmittedCodeReads(context);
        int states = rule.States.Select(s => s.Slot + 1).DefaultIfEmpty(0).Max();
        _states = new SlopeValue[states];
        _locals = new SlopeValue[rule.Locals.Count];
        foreach (var declaration in rule.States)
        {
            var initial = Evaluate(declaration.Initial);
            _states[declaration.Slot] = initial with { Shape = Shape.Parameter };
        }
        _parameter = new SlopeValue(Shape.Parameter, -query.InputBound, query.InputBound, 1, null);
    }

    public static SlopeBound Bound(BoundRule rule, RuleContext context, SlopeQuery query)
    {
        var interpreter = new SlopeInterpreter(rule, context, query);
        for (int step = 1; step <= query.Steps; step++) interpreter.Step(rule, step);
        double slope = interpreter._parameter.Slope;
        return new SlopeBound(double.IsNaN(slope) ? double.PositiveInfinity : slope, interpreter._largest);
    }

    private int Entries => _query.Rows * _query.Columns;

    private int AxisLength(Axis axis) => axis == Axis.Row ? _query.Rows : _query.Columns;

    private void Step(BoundRule rule, int step)
    {
        _step = step;
        _gradient = new SlopeValue(Shape.Parameter, -_query.InputBound, _query.InputBound, 1, null);
        foreach (var statement in rule.Statements)
        {
            var value = Evaluate(statement.Value);
            switch (statement.Target)
            {
                case StatementTarget.Local: _locals[statement.Index] = value; break;
                case StatementTarget.State: _states[statement.Index] = value with { Shape = Shape.Parameter }; break;
                default: _parameter = value with { Shape = Shape.Parameter }; break;
            }
        }
    }

    private SlopeValue Evaluate(BoundExpr expression)
    {
        var value = EvaluateOnce(expression);
        // Magnitudes count until the first breach: an overflow before it explains it, a breach's own infinite interval does not.
        if (value.Shape.Kind == ShapeKind.Unknown && double.IsPositiveInfinity(value.Slope)) _breached = true;
        else if (!_breached && value.Shape.Kind is ShapeKind.Scalar or ShapeKind.Tensor)
            _largest = Math.Max(_largest, double.IsNaN(value.Magnitude) ? double.PositiveInfinity : value.Magnitude);
        return value;
    }

    private SlopeValue EvaluateOnce(BoundExpr expression) => expression switch
    {
        BoundLiteral literal => SlopeValue.Constant(literal.Value),
        BoundHyperparameter { Type: HyperparameterType.FloatArray or HyperparameterType.DoubleArray } => SlopeValue.Unbounded with { Shape = Shape.Array, Slope = 0 },
        BoundHyperparameter h => _values.TryGetValue(h.Name, out var v) && v is double value ? SlopeValue.Constant(value) : SlopeValue.Unbounded with { Slope = 0 },
        BoundBuiltin { Kind: Builtin.Parameter } => _parameter,
        BoundBuiltin { Kind: Builtin.Gradient } => _gradient,
        BoundBuiltin { Kind: Builtin.Step } => SlopeValue.Constant(_step),
        BoundBuiltin => SlopeValue.Unbounded,
        BoundState state => _states[state.Slot],
        BoundLocal local => _locals[local.Index],
        BoundNegate negate => Negate(Evaluate(negate.Operand)),
        BoundBinary binary => Binary(binary),
        BoundCall call => Call(call),
        BoundReduction reduction => Reduction(reduction),
        BoundSubscript subscript => Subscript(subscript),
        _ => SlopeValue.Unbounded,
    };

    private static SlopeValue Negate(SlopeValue x) => x with { Low = -x.High, High = -x.Low, Root = null };

    private SlopeValue Subscript(BoundSubscript subscript)
    {
        var index = Evaluate(subscript.Index);
        if (subscript.Target is BoundHyperparameter array && _query.Arrays is { } arrays && arrays.TryGetValue(array.Name, out var values)
            && index.Low == index.High && index.Low >= 0 && index.Low < values.Length)
            return SlopeValue.Constant((float)values[(int)index.Low]);
        return SlopeValue.Unbounded;
    }
}
