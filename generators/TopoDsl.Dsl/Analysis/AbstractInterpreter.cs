using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// Runs the rule once over abstract values (see <see cref="AbstractValue"/>), in statement order, and reports
/// shape errors (01xx), positional forms (02xx, at their origin) and the sources of non-Lipschitz behaviour
/// (03xx). States are abstracted by their shape alone (anything, varying), so one pass is a fixpoint.
/// </summary>
internal sealed partial class AbstractInterpreter
{
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, double?> _defaults = new(StringComparer.Ordinal);
    private readonly AbstractValue?[] _locals;
    private bool _usesNoise;
    private bool _usesMatrixForms;
    private bool _usesNeuronReductions;

    private AbstractInterpreter(RuleContext context, int localCount, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _locals = new AbstractValue?[localCount];
        foreach (var hyperparameter in context.Hyperparameters)
            if (!_defaults.ContainsKey(hyperparameter.Name))
                _defaults.Add(hyperparameter.Name, hyperparameter.DefaultValue);
    }

    public static AnalysisFacts Run(BoundRule rule, RuleContext context, DiagnosticBag diagnostics)
    {
        var interpreter = new AbstractInterpreter(context, rule.Locals.Count, diagnostics);
        foreach (var declaration in rule.States) interpreter.CheckInitialValue(declaration);
        foreach (var statement in rule.Statements) interpreter.Execute(statement);
        var localShapes = interpreter._locals.Select(v => v?.Shape ?? Shape.Unknown).ToEquatableArray();
        return new AnalysisFacts(interpreter._usesNoise, interpreter._usesMatrixForms, interpreter._usesNeuronReductions, localShapes);
    }

    private void CheckInitialValue(StateDeclaration declaration)
    {
        var value = Evaluate(declaration.Initial);
        bool scalar = value.Shape.Kind is ShapeKind.Scalar or ShapeKind.Unknown;
        if (!scalar || !value.Constant && value.Shape.Kind != ShapeKind.Unknown)
            _diagnostics.Report(DiagnosticCatalog.StateInitialNotConstant, declaration.Initial.Span, declaration.Name);
    }

    private void Execute(BoundStatement statement)
    {
        var value = Evaluate(statement.Value);
        if (statement.Target == StatementTarget.Local)
        {
            _locals[statement.Index] = value;
            return;
        }
        var shape = value.Shape;
        if (shape.Kind == ShapeKind.Unknown) return;
        if (shape.Kind == ShapeKind.Array)
            _diagnostics.Report(DiagnosticCatalog.HyperparameterArrayOnTensor, statement.Value.Span, statement.Name);
        else if (shape.IsTensor && !shape.IsParameterShaped)
            _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, statement.Value.Span,
                $"has shape {shape}, but `{statement.Name}` has the parameter's shape {Shape.Parameter}");
    }

    private AbstractValue Evaluate(BoundExpr expression) => expression switch
    {
        BoundLiteral literal => AbstractValue.ScalarConstant(LowerBounds.OfConstant(literal.Value)),
        BoundHyperparameter hyperparameter => Hyperparameter(hyperparameter),
        BoundBuiltin builtin => Builtin(builtin),
        BoundState => AbstractValue.Tensor(),
        BoundLocal local => _locals[local.Index] ?? AbstractValue.Unknown,
        BoundNegate negate => Evaluate(negate.Operand) with { Bound = LowerBound.Any },
        BoundBinary binary => Binary(binary),
        BoundCompare compare => Compare(compare),
        BoundCall call => Call(call),
        BoundReduction reduction => Reduction(reduction),
        BoundSubscript subscript => Subscript(subscript),
        _ => AbstractValue.Unknown,
    };

    private AbstractValue Hyperparameter(BoundHyperparameter hyperparameter)
    {
        if (hyperparameter.Type is HyperparameterType.FloatArray or HyperparameterType.DoubleArray)
            return new AbstractValue(Shape.Array, LowerBound.Any, false, false, false, true);
        _defaults.TryGetValue(hyperparameter.Name, out double? value);
        return AbstractValue.ScalarConstant(LowerBounds.OfConstant(value));
    }

    private AbstractValue Builtin(BoundBuiltin builtin)
    {
        switch (builtin.Kind)
        {
            case Binding.Builtin.Step:
                return new AbstractValue(Shape.Scalar, LowerBound.Positive, false, false, false, false);
            case Binding.Builtin.NeuronIndex:
                _diagnostics.Report(DiagnosticCatalog.NeuronIndex, builtin.Span);
                return new AbstractValue(Shape.Parameter, LowerBound.NonNegative, false, false, true, false);
            default:
                return AbstractValue.Tensor();
        }
    }

    private AbstractValue Binary(BoundBinary binary)
    {
        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        if (binary.Operator == BinaryOperator.MatMul) return MatMul(binary, left, right);
        var shape = Elementwise(binary, (binary.Left, left), (binary.Right, right));
        var bound = binary.Operator switch
        {
            BinaryOperator.Add => LowerBounds.Add(left.Bound, right.Bound),
            BinaryOperator.Multiply => LowerBounds.Multiply(left.Bound, right.Bound),
            BinaryOperator.Divide => LowerBounds.Divide(left.Bound, right.Bound),
            BinaryOperator.Power => LowerBounds.Power(left.Bound, binary.Right.LiteralValue()),
            _ => LowerBound.Any,
        };
        if (!left.Varies && !right.Varies)
            bound = LowerBounds.Join(bound, ConstantRange.Of(binary, _defaults).Bound);   // e.g. 1 - beta2^t > 0
        if (binary.Operator == BinaryOperator.Divide)
            CheckDenominator(binary.Right, right, binary);
        if (binary.Operator == BinaryOperator.Power && binary.Right.LiteralValue() < 0)
            CheckDenominator(binary.Left, left, binary);
        return AbstractValue.Derived(shape, bound, left, right);
    }

    /// <summary>A quotient is Lipschitz only when its denominator stays away from zero or does not vary with (p, g).</summary>
    private void CheckDenominator(BoundExpr denominator, AbstractValue value, BoundExpr quotient)
    {
        if (value.Varies && value.Bound != LowerBound.Positive)
            _diagnostics.Report(DiagnosticCatalog.DivisionByZero, denominator.Span, _diagnostics.Fragment(quotient.Span));
    }

    private AbstractValue Compare(BoundCompare compare)
    {
        var left = Evaluate(compare.Left);
        var right = Evaluate(compare.Right);
        var shape = Elementwise(compare, (compare.Left, left), (compare.Right, right));
        return AbstractValue.Derived(shape, LowerBound.NonNegative, left, right);
    }

    private AbstractValue Subscript(BoundSubscript subscript)
    {
        var target = Evaluate(subscript.Target);
        var index = Evaluate(subscript.Index);
        switch (target.Shape.Kind)
        {
            case ShapeKind.Tensor:
                _diagnostics.Report(DiagnosticCatalog.Subscript, subscript.Span);
                return AbstractValue.Derived(Shape.Scalar, LowerBound.Any, target, index) with { Positional = true };
            case ShapeKind.Array when index.Shape.IsTensor:
                _diagnostics.Report(DiagnosticCatalog.HyperparameterArrayOnTensor, subscript.Target.Span, _diagnostics.Fragment(subscript.Index.Span));
                return AbstractValue.Derived(Shape.Parameter, LowerBound.Any, target, index) with { Positional = true };
            case ShapeKind.Array:
                return AbstractValue.Derived(index.Shape.Kind == ShapeKind.Unknown ? Shape.Unknown : Shape.Scalar, LowerBound.Any, target, index);
            case ShapeKind.Scalar:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, subscript.Span, $"`{_diagnostics.Fragment(subscript.Target.Span)}` is a scalar and has no entries to pick");
                return AbstractValue.Unknown;
            default:
                return AbstractValue.Unknown;
        }
    }
}
