using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Analysis;

/// <summary>
/// Runs the rule over abstract values (see <see cref="AbstractValue"/>), in statement order, and reports shape
/// errors (01xx), positional forms (02xx, at their origin) and the sources of non-Lipschitz behaviour (03xx,
/// by the table <see cref="LipschitzRules"/>). A state enters a step with the join of its initial value and of
/// every value a step can leave in it: the rule runs silently until these entry values stop changing (a
/// fixpoint; floors and orders that keep falling are widened), then once more to report.
/// </summary>
internal sealed partial class AbstractInterpreter
{
    private const int IterationsBeforeWidening = 8;

    private readonly DiagnosticBag _diagnostics;
    private readonly IReadOnlyDictionary<string, double?> _defaults;
    private readonly AbstractValue?[] _locals;
    private readonly AbstractValue[] _states;
    private readonly Dictionary<BoundExpr, AbstractValue> _evaluated = new(ReferenceComparer<BoundExpr>.Instance);
    private bool _usesNoise;
    private bool _usesMatrixForms;
    private bool _usesNeuronReductions;

    private AbstractInterpreter(IReadOnlyDictionary<string, double?> defaults, int localCount, AbstractValue[] stateEntries, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _defaults = defaults;
        _locals = new AbstractValue?[localCount];
        _states = (AbstractValue[])stateEntries.Clone();
    }

    public static AnalysisFacts Run(BoundRule rule, RuleContext context, DiagnosticBag diagnostics)
    {
        var defaults = HyperparameterValues.AsEmittedCodeReads(context);
        var entries = InitialStates(rule, defaults, diagnostics);
        for (int iteration = 0; ; iteration++)
        {
            var silent = new AbstractInterpreter(defaults, rule.Locals.Count, entries, new DiagnosticBag(diagnostics.Text));
            silent.ExecuteAll(rule);
            var next = entries.Zip(silent._states, (entry, exit) => entry.Join(exit)).ToArray();
            if (iteration >= IterationsBeforeWidening) next = next.Zip(entries, Widen).ToArray();
            if (next.SequenceEqual(entries)) break;
            entries = next;
        }
        var interpreter = new AbstractInterpreter(defaults, rule.Locals.Count, entries, diagnostics);
        interpreter.ExecuteAll(rule);
        var localShapes = interpreter._locals.Select(v => v?.Shape ?? Shape.Unknown).ToEquatableArray();
        return new AnalysisFacts(interpreter._usesNoise, interpreter._usesMatrixForms, interpreter._usesNeuronReductions, localShapes);
    }

    /// <summary>Each state starts as its constant initial value, spread over the parameter's shape (checked and reported here, once).</summary>
    private static AbstractValue[] InitialStates(BoundRule rule, IReadOnlyDictionary<string, double?> defaults, DiagnosticBag diagnostics)
    {
        var checker = new AbstractInterpreter(defaults, rule.Locals.Count, [], diagnostics);
        int count = rule.States.Select(s => s.Slot + 1)
            .Concat(rule.Statements.Where(s => s.Target == StatementTarget.State).Select(s => s.Index + 1))
            .DefaultIfEmpty(0).Max();
        var entries = Enumerable.Repeat(AbstractValue.Tensor(), count).ToArray();
        foreach (var declaration in rule.States)
        {
            var value = checker.Evaluate(declaration.Initial);
            bool scalar = value.Shape.Kind is ShapeKind.Scalar or ShapeKind.Unknown;
            if (!scalar || !value.Constant && value.Shape.Kind != ShapeKind.Unknown)
                diagnostics.Report(DiagnosticCatalog.StateInitialNotConstant, declaration.Initial.Span, declaration.Name);
            entries[declaration.Slot] = value with { Shape = Shape.Parameter, Constant = false };
        }
        return entries;
    }

    /// <summary>A floor or order still falling after several rounds drops to the next level down, so the fixpoint is reached.</summary>
    private static AbstractValue Widen(AbstractValue next, AbstractValue previous)
    {
        if (next.Floor < previous.Floor) next = next with { Floor = next.Floor >= 0 ? 0 : Floors.None };
        if (next.Order < previous.Order) next = next with { Order = next.Floor >= 0 ? 1 : RootOrders.Unknown };
        return next;
    }

    private void ExecuteAll(BoundRule rule)
    {
        foreach (var statement in rule.Statements) Execute(statement);
    }

    private void Execute(BoundStatement statement)
    {
        var value = Evaluate(statement.Value);
        switch (statement.Target)
        {
            case StatementTarget.Local when value.Shape.Kind == ShapeKind.Array:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, statement.Value.Span,
                    $"a hyperparameter array cannot be a local; use `{_diagnostics.Fragment(statement.Value.Span)}` where `{statement.Name}` is used");
                _locals[statement.Index] = AbstractValue.Unknown;
                return;
            case StatementTarget.Local:
                _locals[statement.Index] = value;
                return;
            case StatementTarget.State:
                _states[statement.Index] = value with { Shape = Shape.Parameter, Constant = false };
                break;
        }
        var shape = value.Shape;
        if (shape.Kind == ShapeKind.Unknown) return;
        if (shape.Kind == ShapeKind.Array)
            _diagnostics.Report(DiagnosticCatalog.HyperparameterArrayOnTensor, statement.Value.Span, statement.Name);
        else if (shape.IsTensor && !shape.IsParameterShaped)
            _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, statement.Value.Span,
                $"has shape {shape}, but `{statement.Name}` has the parameter's shape {Shape.Parameter}");
    }

    /// <summary>Each node once per run (a product's factors are read again when it groups them), so each finding is reported once.</summary>
    private AbstractValue Evaluate(BoundExpr expression)
    {
        if (_evaluated.TryGetValue(expression, out var known)) return known;
        var value = EvaluateOnce(expression);
        _evaluated[expression] = value;
        return value;
    }

    private AbstractValue EvaluateOnce(BoundExpr expression)
    {
        var value = expression switch
        {
            BoundLiteral or BoundHyperparameter { Type: not (HyperparameterType.FloatArray or HyperparameterType.DoubleArray) } =>
                new AbstractValue(Shape.Scalar, Floors.None, RootOrders.Unknown, false, false, false, true),
            BoundHyperparameter => new AbstractValue(Shape.Array, Floors.None, RootOrders.Unknown, false, false, false, true),
            BoundBuiltin builtin => Builtin(builtin),
            BoundState state => state.Slot < _states.Length ? _states[state.Slot] : AbstractValue.Tensor(),
            BoundLocal local => _locals[local.Index] ?? AbstractValue.Unknown,
            BoundNegate negate => Evaluate(negate.Operand) with { Floor = Floors.None, Order = RootOrders.Unknown },
            BoundBinary binary => Binary(binary),
            BoundCompare compare => Compare(compare),
            BoundCall call => Call(call),
            BoundReduction reduction => Reduction(reduction),
            BoundSubscript subscript => Subscript(subscript),
            _ => AbstractValue.Unknown,
        };
        return value.Varies || value.Shape.Kind != ShapeKind.Scalar ? value : WithConstantRange(expression, value);
    }

    /// <summary>A scalar that does not vary is a constant of the step: its interval (as float32 sees it) may know more.</summary>
    private AbstractValue WithConstantRange(BoundExpr expression, AbstractValue value)
    {
        var range = ConstantRange.Of(expression, _defaults);
        double floor = Math.Max(value.Floor, Floors.Normalize(range.Low));
        return value with { Floor = floor, Order = floor >= 0 ? RootOrders.Any : RootOrders.Unknown };
    }

    private AbstractValue Builtin(BoundBuiltin builtin)
    {
        switch (builtin.Kind)
        {
            case Binding.Builtin.Step:
                return new AbstractValue(Shape.Scalar, 1, RootOrders.Any, false, false, false, false);
            case Binding.Builtin.NeuronIndex:
                _diagnostics.Report(DiagnosticCatalog.NeuronIndex, builtin.Span);
                return new AbstractValue(Shape.Parameter, 0, RootOrders.Unknown, false, false, true, false);
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
        if (shape.Kind == ShapeKind.Array) return AbstractValue.Derived(shape, Floors.None, RootOrders.Unknown, left, right);   // an error where it is used
        var (floor, order) = LipschitzOf(binary, left, right);
        return AbstractValue.Derived(shape, floor, order, left, right);
    }

    private AbstractValue Compare(BoundCompare compare)
    {
        var left = Evaluate(compare.Left);
        var right = Evaluate(compare.Right);
        var shape = Elementwise(compare, (compare.Left, left), (compare.Right, right));
        return AbstractValue.Derived(shape, 0, RootOrders.Unknown, left, right);
    }

    private AbstractValue Subscript(BoundSubscript subscript)
    {
        var target = Evaluate(subscript.Target);
        var index = Evaluate(subscript.Index);
        switch (target.Shape.Kind)
        {
            case ShapeKind.Tensor:
                _diagnostics.Report(DiagnosticCatalog.Subscript, subscript.Span);
                return AbstractValue.Derived(Shape.Scalar, Floors.None, RootOrders.Unknown, target, index) with { Positional = true };
            case ShapeKind.Array when index.Shape.IsTensor:
                _diagnostics.Report(DiagnosticCatalog.HyperparameterArrayOnTensor, subscript.Target.Span, _diagnostics.Fragment(subscript.Index.Span));
                return AbstractValue.Derived(Shape.Parameter, Floors.None, RootOrders.Unknown, target, index) with { Positional = true };
            case ShapeKind.Array when !IsWholeArray(subscript.Target):
                return AbstractValue.Unknown;
            case ShapeKind.Array:
                CheckArrayIndex(subscript, index);
                return AbstractValue.Derived(index.Shape.Kind == ShapeKind.Unknown ? Shape.Unknown : Shape.Scalar, Floors.None, RootOrders.Unknown, target, index);
            case ShapeKind.Scalar:
                _diagnostics.Report(DiagnosticCatalog.ShapeMismatch, subscript.Span, $"`{_diagnostics.Fragment(subscript.Target.Span)}` is a scalar and has no entries to pick");
                return AbstractValue.Unknown;
            default:
                return AbstractValue.Unknown;
        }
    }

    /// <summary>
    /// An array index is read once per step: a known value must be a whole number from 0 to int.MaxValue; one the
    /// analysis cannot know (t, a hyperparameter without default) is checked when the step runs.
    /// </summary>
    private void CheckArrayIndex(BoundSubscript subscript, AbstractValue index)
    {
        if (index.Shape.Kind != ShapeKind.Scalar || index.Varies) return;
        var range = ConstantRange.Of(subscript.Index, _defaults);
        if (range.Low != range.High) return;
        double value = range.Low;
        if (value >= 0 && value <= int.MaxValue && value == Math.Floor(value)) return;
        _diagnostics.Report(DiagnosticCatalog.ArrayIndexOutOfRange, subscript.Index.Span, _diagnostics.Fragment(subscript.Span),
            value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }
}
