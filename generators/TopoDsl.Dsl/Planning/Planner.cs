using TopoDsl.Dsl.Analysis;
using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl.Planning;

/// <summary>
/// Schedules an accepted rule into element passes and the work between them. Statements go, in order, into
/// the open pass. A reduction accumulates in the open pass (its operand sees the values of every earlier
/// statement for that entry) and its result is readable only once the pass has ended, so the first reader
/// closes the pass: one pass for an elementwise rule, two when a reduction feeds the update. Matrix forms
/// run between passes on whole buffers, before the open pass when it writes nothing they read. Scalar
/// subexpressions are hoisted: to once per Step (hyperparameters, literals, t) or once per slot (reductions);
/// the same float operations in the same order, so results do not change.
/// </summary>
internal sealed class Planner
{
    private readonly BoundRule _rule;
    private readonly ShapeInference _shapes;
    private readonly List<ScalarDefinition> _stepScalars = [];
    private readonly Dictionary<int, Level> _scalarLevels = [];
    private readonly List<BufferInfo> _buffers = [];
    private readonly List<ReductionInfo> _reductions = [];
    private readonly List<object> _ops = []; // KernelOp or a closed PassBuilder
    private readonly BoundExpr?[] _localAliases;
    private readonly PassBuilder?[] _localPasses;
    private readonly int?[] _localBuffers;
    private PassBuilder _open = new(0);
    private int _nextScalar;

    private Planner(BoundRule rule, AnalysisFacts facts)
    {
        _rule = rule;
        _shapes = new ShapeInference(facts.LocalShapes, id => _buffers[id].Shape);
        _localAliases = new BoundExpr?[rule.Locals.Count];
        _localPasses = new PassBuilder?[rule.Locals.Count];
        _localBuffers = new int?[rule.Locals.Count];
    }

    public static (ExecutionPlan Plan, EquatableArray<StateDeclaration> States) Plan(BoundRule rule, AnalysisFacts facts)
    {
        var planner = new Planner(rule, facts);
        var states = rule.States.Select(s => s with { Initial = planner.Hoist(s.Initial) }).ToEquatableArray();
        foreach (var statement in rule.Statements) planner.Place(statement);
        planner.ClosePass();
        int passId = 0;
        var ops = planner._ops.Select(op => op is PassBuilder pass ? pass.Freeze(passId++) : (KernelOp)op).ToEquatableArray();
        var plan = new ExecutionPlan(planner._stepScalars.ToEquatableArray(), planner._buffers.ToEquatableArray(), planner._reductions.ToEquatableArray(), ops);
        return (plan, states);
    }

    private void Place(BoundStatement statement)
    {
        var value = Lower(statement.Value);
        if (ReadsPending(value)) ClosePass();
        switch (statement.Target)
        {
            case StatementTarget.Local:
                DefineLocal(statement, value);
                break;
            case StatementTarget.State:
                var state = PrepareForPass(value); // may close the open pass: prepare before choosing the pass
                _open.Steps.Add(new AssignStateStep(statement.Index, statement.Name, state));
                _open.WrittenStates.Add(statement.Index);
                break;
            default:
                var update = PrepareForPass(value);
                _open.Steps.Add(new UpdateParameterStep(update));
                _open.WritesParameter = true;
                break;
        }
    }

    private void DefineLocal(BoundStatement statement, BoundExpr value)
    {
        int index = statement.Index;
        var level = LevelOf(value);
        if (level != Level.Element)
            _localAliases[index] = Hoist(value);
        else if (value is BufferRef)
            _localAliases[index] = value;
        else if (!_shapes.Of(value).IsParameterShaped)
            _localAliases[index] = Island(value);
        else
        {
            var prepared = PrepareForPass(value);
            _open.Steps.Add(new DefineLocalStep(index, statement.Name, prepared, null));
            _localPasses[index] = _open;
        }
    }

    /// <summary>Replaces reductions and matrix forms by references to their scheduled results.</summary>
    private BoundExpr Lower(BoundExpr expression)
    {
        switch (expression)
        {
            case BoundLocal local when _localAliases[local.Index] is { } alias:
                return alias;
            case BoundReduction reduction:
                var operand = Lower(reduction.Operand);
                return LevelOf(operand) == Level.Step ? reduction with { Operand = operand } : Reduce(reduction, operand);
            case BoundBinary { Operator: BinaryOperator.MatMul } product:
                return MatMul(product, Lower(product.Left), Lower(product.Right));
            case BoundCall { Function: Function.Transpose } transpose:
                return Transpose(transpose, Lower(transpose.Arguments[0]));
            default:
                return Tree.Map(expression, Lower);
        }
    }

    private ReductionRef Reduce(BoundReduction reduction, BoundExpr operand)
    {
        int id = _reductions.Count;
        _reductions.Add(new ReductionInfo(id, reduction.Kind, reduction.PerNeuron));
        var shape = _shapes.Of(operand);
        if (shape.IsParameterShaped)
        {
            var prepared = PrepareForPass(operand);
            _open.Steps.Add(new AccumulateStep(id, prepared));
            _open.PendingReductions.Add(id);
        }
        else
            _ops.Add(new IslandReductionOp(id, PrepareForBetweenPasses(operand), shape));
        return new ReductionRef(reduction.Span, id, reduction.PerNeuron);
    }

    private BufferRef MatMul(BoundBinary product, BoundExpr left, BoundExpr right)
    {
        var a = AsMatrixOperand(left);
        var b = AsMatrixOperand(right);
        if (ConflictsWithOpenPass(a) || ConflictsWithOpenPass(b)) ClosePass();
        var leftShape = _shapes.Of(a);
        var rightShape = _shapes.Of(b);
        int target = NewBuffer(new Shape(ShapeKind.Tensor, leftShape.First, rightShape.Second));
        _ops.Add(new MatMulOp(target, a, b, leftShape, rightShape));
        return new BufferRef(product.Span, target);
    }

    private BufferRef Transpose(BoundCall transpose, BoundExpr operand)
    {
        var x = AsMatrixOperand(operand);
        if (ConflictsWithOpenPass(x)) ClosePass();
        var shape = _shapes.Of(x);
        int target = NewBuffer(shape.Transposed());
        _ops.Add(new TransposeOp(target, x, shape));
        return new BufferRef(transpose.Span, target);
    }

    /// <summary>A matrix form reads whole tensors: p, g, a state or a buffer; anything else is materialised first.</summary>
    private BoundExpr AsMatrixOperand(BoundExpr operand)
    {
        switch (operand)
        {
            case BoundBuiltin { Kind: Builtin.Parameter or Builtin.Gradient } or BoundState or BufferRef:
                return operand;
            case BoundLocal local:
                return new BufferRef(local.Span, Materialize(local.Index));
        }
        var shape = _shapes.Of(operand);
        if (!shape.IsParameterShaped) return Island(operand);
        var value = PrepareForPass(operand);
        int buffer = NewBuffer(shape);
        _open.Steps.Add(new StoreStep(buffer, value));
        _open.PendingBuffers.Add(buffer);
        return new BufferRef(operand.Span, buffer);
    }

    private BufferRef Island(BoundExpr value)
    {
        var shape = _shapes.Of(value);
        var prepared = PrepareForBetweenPasses(value);
        int buffer = NewBuffer(shape);
        _ops.Add(new IslandOp(buffer, prepared, shape));
        return new BufferRef(value.Span, buffer);
    }

    /// <summary>For a step of the open pass: results it needs must be finished; its own locals stay variables.</summary>
    private BoundExpr PrepareForPass(BoundExpr expression)
    {
        if (ReadsPending(expression)) ClosePass();
        return Hoist(ResolveLocals(expression, _open));
    }

    /// <summary>For work between passes: locals come from buffers; it waits for the open pass if it reads what the pass writes.</summary>
    private BoundExpr PrepareForBetweenPasses(BoundExpr expression)
    {
        var resolved = ResolveLocals(expression, null);
        if (ConflictsWithOpenPass(resolved)) ClosePass();
        return Hoist(resolved);
    }

    private BoundExpr ResolveLocals(BoundExpr expression, PassBuilder? pass) => expression switch
    {
        BoundLocal local when _localAliases[local.Index] is { } alias => alias,
        BoundLocal local when pass is not null && ReferenceEquals(_localPasses[local.Index], pass) => local,
        BoundLocal local => new BufferRef(local.Span, Materialize(local.Index)),
        _ => Tree.Map(expression, e => ResolveLocals(e, pass)),
    };

    private int Materialize(int local)
    {
        if (_localBuffers[local] is { } existing) return existing;
        int buffer = NewBuffer(Shape.Parameter);
        _localBuffers[local] = buffer;
        var pass = _localPasses[local]!;
        pass.LocalBuffers[local] = buffer;
        if (ReferenceEquals(pass, _open)) _open.PendingBuffers.Add(buffer);
        return buffer;
    }

    /// <summary>Maximal scalar subexpressions become named scalars, computed once per Step or once per slot.</summary>
    private BoundExpr Hoist(BoundExpr expression)
    {
        if (IsLeaf(expression)) return expression;
        // A comparison is a mask, not a number: only its operands become scalars.
        if (expression is BoundCompare) return Tree.Map(expression, Hoist);
        switch (LevelOf(expression))
        {
            case Level.Step:
                int id = _nextScalar++;
                _scalarLevels[id] = Level.Step;
                _stepScalars.Add(new ScalarDefinition(id, expression));
                return new ScalarRef(expression.Span, id);
            case Level.Slot:
                int slotId = _nextScalar++;
                _scalarLevels[slotId] = Level.Slot;
                _ops.Add(new SlotScalarOp(new ScalarDefinition(slotId, expression)));
                return new ScalarRef(expression.Span, slotId);
            default:
                return Tree.Map(expression, Hoist);
        }
    }

    private static bool IsLeaf(BoundExpr expression) => expression is BoundLiteral or BoundBuiltin or BoundState or BoundLocal
        or ScalarRef or BufferRef or ReductionRef or BoundNegate { Operand: BoundLiteral }
        || expression is BoundHyperparameter { Type: not (HyperparameterType.FloatArray or HyperparameterType.DoubleArray) };

    private Level LevelOf(BoundExpr expression) => expression switch
    {
        BoundLiteral or BoundHyperparameter or BoundBuiltin { Kind: Builtin.Step } => Level.Step,
        ScalarRef scalar => _scalarLevels[scalar.Id],
        ReductionRef reduction => reduction.PerNeuron ? Level.Element : Level.Slot,
        BoundBuiltin or BoundState or BoundLocal or BufferRef or BoundCall { Function: Function.Randn or Function.Rand } => Level.Element,
        _ => Tree.Children(expression).Select(LevelOf).DefaultIfEmpty(Level.Step).Max(),
    };

    private bool ReadsPending(BoundExpr expression) => Tree.PreOrder(expression).Any(node => node switch
    {
        ReductionRef reduction => _open.PendingReductions.Contains(reduction.Id),
        BufferRef buffer => _open.PendingBuffers.Contains(buffer.Id),
        _ => false,
    });

    private bool ConflictsWithOpenPass(BoundExpr expression) => ReadsPending(expression) || Tree.PreOrder(expression).Any(node => node switch
    {
        BoundBuiltin { Kind: Builtin.Parameter } => _open.WritesParameter,
        BoundState state => _open.WrittenStates.Contains(state.Slot),
        _ => false,
    });

    private int NewBuffer(Shape shape)
    {
        _buffers.Add(new BufferInfo(_buffers.Count, shape));
        return _buffers.Count - 1;
    }

    private void ClosePass()
    {
        if (_open.Steps.Count == 0) return;
        _ops.Add(_open);
        _open = new PassBuilder(_open.Id + 1);
    }
}
