using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Binding;

/// <summary>
/// Resolves names (p, g, t, index, states, locals, hyperparameters), checks call arities, desugars compound
/// assignments and enforces the statement rules: one parameter update, locals assigned once, names defined
/// before use, state names that shadow nothing.
/// </summary>
internal sealed class Binder
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal) { "p", "g", "t", "index", "neuron", "state" };

    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, Hyperparameter> _hyperparameters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _locals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _definedSomewhere = new(StringComparer.Ordinal);
    private readonly List<StateDeclaration> _declarations = [];
    private readonly List<BoundStatement> _statements = [];
    private readonly List<string> _localNames = [];
    private bool _parameterUpdated;

    private Binder(RuleContext context, DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        foreach (var hyperparameter in context.Hyperparameters)
            if (!_hyperparameters.ContainsKey(hyperparameter.Name))
                _hyperparameters.Add(hyperparameter.Name, hyperparameter);
    }

    public static BoundRule Bind(IReadOnlyList<Statement> statements, RuleContext context, DiagnosticBag diagnostics)
    {
        var binder = new Binder(context, diagnostics);
        foreach (var statement in statements) binder._definedSomewhere.Add(statement.Target);
        foreach (var statement in statements)
        {
            if (statement.DeclaresState) binder.DeclareState(statement);
            else binder.Assign(statement);
        }
        if (!binder._parameterUpdated)
            diagnostics.Report(DiagnosticCatalog.NoParameterUpdate, new TextSpan(0, diagnostics.Text.Length));
        return new BoundRule(binder._declarations.ToEquatableArray(), binder._statements.ToEquatableArray(), binder._localNames.ToEquatableArray());
    }

    private void DeclareState(Statement statement)
    {
        string name = statement.Target;
        var initial = statement.Value is null ? null : BindExpression(statement.Value);
        if (ConflictOf(name) is { } conflict)
        {
            _diagnostics.Report(DiagnosticCatalog.NameConflict, statement.TargetSpan, conflict);
            return;
        }
        int slot = _states.Count;
        _states.Add(name, slot);
        if (initial is not null) _declarations.Add(new StateDeclaration(statement.Span, name, slot, initial));
    }

    private string? ConflictOf(string name)
    {
        if (ReservedNames.Contains(name)) return "shadows the reserved name `" + name + "`";
        if (FunctionCatalog.IsFunctionName(name)) return "shadows the function `" + name + "`";
        if (_hyperparameters.ContainsKey(name)) return "shadows the hyperparameter `" + name + "`";
        if (_states.ContainsKey(name)) return "is already declared as a state";
        if (_locals.ContainsKey(name)) return "is already defined as a local";
        return null;
    }

    private void Assign(Statement statement)
    {
        string name = statement.Target;
        var value = statement.Value is null ? null : BindExpression(statement.Value);
        if (name == "p")
        {
            if (_parameterUpdated) _diagnostics.Report(DiagnosticCatalog.SecondParameterUpdate, statement.Span);
            _parameterUpdated = true;
            Add(statement, StatementTarget.Parameter, 0, value, new BoundBuiltin(statement.TargetSpan, Builtin.Parameter));
        }
        else if (_states.TryGetValue(name, out int slot))
            Add(statement, StatementTarget.State, slot, value, new BoundState(statement.TargetSpan, name, slot));
        else if (NotAssignableReason(name) is { } reason)
            _diagnostics.Report(DiagnosticCatalog.NotAssignable, statement.TargetSpan, reason);
        else if (_locals.ContainsKey(name))
            _diagnostics.Report(DiagnosticCatalog.LocalRedefined, statement.TargetSpan);
        else
        {
            if (statement.Kind != AssignmentKind.Set)
                _diagnostics.Report(DiagnosticCatalog.UsedBeforeDefinition, statement.TargetSpan);
            int index = _localNames.Count;
            _localNames.Add(name);
            _locals.Add(name, index);
            Add(statement, StatementTarget.Local, index, value, new BoundLocal(statement.TargetSpan, name, index));
        }
    }

    private string? NotAssignableReason(string name)
    {
        if (ReservedNames.Contains(name)) return "it is reserved (the gradient, the step, positions and keywords are read-only)";
        if (FunctionCatalog.IsFunctionName(name)) return "it is a function";
        if (_hyperparameters.ContainsKey(name)) return "it is a hyperparameter; set it on the optimizer instead";
        return null;
    }

    private void Add(Statement statement, StatementTarget target, int index, BoundExpr? value, BoundExpr current)
    {
        if (value is null) return;
        // The desugared operation carries the value's span: a shape error in `p -= X` is about X.
        var full = statement.Kind switch
        {
            AssignmentKind.Add => new BoundBinary(value.Span, BinaryOperator.Add, current, value),
            AssignmentKind.Subtract => new BoundBinary(value.Span, BinaryOperator.Subtract, current, value),
            _ => value,
        };
        _statements.Add(new BoundStatement(statement.Span, target, statement.Target, index, full));
    }

    private BoundExpr BindExpression(Expr expression, bool comparisonAllowed = false)
    {
        switch (expression)
        {
            case NumberExpr number:
                return new BoundLiteral(number.Span, number.Value);
            case NameExpr name:
                return BindName(name);
            case NegateExpr negate:
                return new BoundNegate(negate.Span, BindExpression(negate.Operand));
            case BinaryExpr binary:
                return new BoundBinary(binary.Span, binary.Operator, BindExpression(binary.Left), BindExpression(binary.Right));
            case CompareExpr compare:
                var left = BindExpression(compare.Left);
                var right = BindExpression(compare.Right);
                if (comparisonAllowed) return new BoundCompare(compare.Span, compare.Operator, left, right);
                _diagnostics.Report(DiagnosticCatalog.ComparisonOutsideWhere, compare.Span);
                return new BoundError(compare.Span);
            case SubscriptExpr subscript:
                return new BoundSubscript(subscript.Span, BindExpression(subscript.Target), BindExpression(subscript.Index));
            case CallExpr call:
                return BindCall(call);
            default:
                return new BoundError(expression.Span);
        }
    }

    private BoundExpr BindName(NameExpr name)
    {
        switch (name.Name)
        {
            case "p": return new BoundBuiltin(name.Span, Builtin.Parameter);
            case "g": return new BoundBuiltin(name.Span, Builtin.Gradient);
            case "t": return new BoundBuiltin(name.Span, Builtin.Step);
            case "index": return new BoundBuiltin(name.Span, Builtin.NeuronIndex);
            case "neuron": return Error(DiagnosticCatalog.MisplacedNeuron, name.Span);
        }
        if (_states.TryGetValue(name.Name, out int slot)) return new BoundState(name.Span, name.Name, slot);
        if (_locals.TryGetValue(name.Name, out int index)) return new BoundLocal(name.Span, name.Name, index);
        if (_hyperparameters.TryGetValue(name.Name, out var hyperparameter))
            return hyperparameter.Type == HyperparameterType.Unsupported
                ? Error(DiagnosticCatalog.UnsupportedHyperparameterType, name.Span)
                : new BoundHyperparameter(name.Span, name.Name, hyperparameter.Type);
        if (FunctionCatalog.IsFunctionName(name.Name)) return Error(DiagnosticCatalog.FunctionAsValue, name.Span);
        if (_definedSomewhere.Contains(name.Name)) return Error(DiagnosticCatalog.UsedBeforeDefinition, name.Span);
        return Error(DiagnosticCatalog.UnknownName, name.Span);
    }

    private BoundExpr BindCall(CallExpr call)
    {
        var arguments = call.Arguments;
        if (!FunctionCatalog.TryGetArity(call.Name, out int min, out int max))
        {
            // `neuron` may be right for the function the user meant (nrom(g, neuron)): no second error for it
            foreach (var argument in arguments)
                if (argument is not NameExpr { Name: "neuron" }) BindExpression(argument);
            string suggestion = FunctionCatalog.Nearest(call.Name) is { } nearest ? $"; did you mean `{nearest}`?" : "";
            return Error(DiagnosticCatalog.UnknownFunction, call.NameSpan, suggestion);
        }
        if (arguments.Count < min || arguments.Count > max)
        {
            BindAll(arguments);
            return Error(DiagnosticCatalog.WrongArgumentCount, call.Span, FunctionCatalog.DescribeArity(min, max), arguments.Count);
        }
        bool secondIsNeuron = arguments.Count == 2 && arguments[1] is NameExpr { Name: "neuron" };
        if (FunctionCatalog.ReductionOf(call.Name, arguments.Count, secondIsNeuron) is { } reduction)
        {
            var operand = BindExpression(arguments[0]);
            if (arguments.Count == 2 && !secondIsNeuron)
                return Error(DiagnosticCatalog.MisplacedNeuron, arguments[1].Span);
            return new BoundReduction(call.Span, reduction, arguments.Count == 2, operand);
        }
        var function = FunctionCatalog.FunctionOf(call.Name);
        if (function == Function.Where && arguments[0] is not CompareExpr)
            _diagnostics.Report(DiagnosticCatalog.WhereNeedsComparison, arguments[0].Span);
        var bound = arguments.Select((argument, i) => BindExpression(argument, comparisonAllowed: function == Function.Where && i == 0));
        return new BoundCall(call.Span, function, bound.ToEquatableArray());
    }

    private void BindAll(EquatableArray<Expr> arguments)
    {
        foreach (var argument in arguments) BindExpression(argument);
    }

    private BoundError Error(DiagnosticDescriptor descriptor, TextSpan span, params object[] details)
    {
        _diagnostics.Report(descriptor, span, details);
        return new BoundError(span);
    }
}
