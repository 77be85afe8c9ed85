namespace TopoDsl.Dsl;

/// <summary>
/// Every diagnostic the DSL reports. Ids are stable (users filter on them): 00xx usage, 01xx syntax, names and
/// shapes, 02xx permutation equivariance (0250-0299: only in distribution), 03xx the Lipschitz condition P2-K.
/// The help link of an id is <see cref="DiagnosticDescriptor.HelpUri"/>.
/// </summary>
public static class DiagnosticCatalog
{
    private const string NotEquivariant = "; the rule is then not permutation equivariant: relabelling the neurons changes the update";
    private const string NotLipschitz = "; the rule is then not locally Lipschitz in p, g and their history, so the topology-preservation guarantee (P2-K) does not apply at any step size";

    public static readonly DiagnosticDescriptor UnsupportedHyperparameterType = Error("TDSL0010", "Hyperparameter of an unsupported type",
        "the hyperparameter `{0}` has a type the rule cannot read; use float, double, int, float[] or double[]");
    public static readonly DiagnosticDescriptor NameConflict = Error("TDSL0011", "Duplicate or shadowing name",
        "`{0}` {1}");

    public static readonly DiagnosticDescriptor UnexpectedToken = Error("TDSL0101", "Unexpected token",
        "unexpected `{0}`{1}");
    public static readonly DiagnosticDescriptor MissingOperand = Error("TDSL0102", "Missing operand",
        "`{0}` needs an operand{1}");
    public static readonly DiagnosticDescriptor UnbalancedParentheses = Error("TDSL0103", "Unbalanced parentheses",
        "`{0}` {1}");
    public static readonly DiagnosticDescriptor TrailingText = Error("TDSL0104", "Text after the statement",
        "unexpected `{0}` after the end of the statement");
    public static readonly DiagnosticDescriptor MalformedStatement = Error("TDSL0105", "Not a statement",
        "`{0}` is not a statement: write NAME = EXPR, state NAME = EXPR, or p = / -= / += EXPR");
    public static readonly DiagnosticDescriptor NestedTooDeeply = Error("TDSL0106", "Expression nested too deeply",
        "`{0}`: the expression is nested too deeply or too long (the limit is {1})");
    public static readonly DiagnosticDescriptor UnknownName = Error("TDSL0110", "Unknown name",
        "`{0}` is not p, g, t, a hyperparameter, a state or a local defined above");
    public static readonly DiagnosticDescriptor UnknownFunction = Error("TDSL0111", "Unknown function",
        "`{0}` is not a function of the DSL{1}");
    public static readonly DiagnosticDescriptor WrongArgumentCount = Error("TDSL0112", "Wrong number of arguments",
        "`{0}` takes {1}, not {2}");
    public static readonly DiagnosticDescriptor FunctionAsValue = Error("TDSL0113", "Function used as a value",
        "`{0}` is a function; call it as {0}(...)");
    public static readonly DiagnosticDescriptor MisplacedNeuron = Error("TDSL0114", "Misplaced neuron",
        "`{0}`: `neuron` is only allowed as the second argument of sum, mean, norm or max");
    public static readonly DiagnosticDescriptor WhereNeedsComparison = Error("TDSL0115", "where needs a comparison",
        "the condition `{0}` of where is not a comparison (<, <=, >, >=, ==, !=)");
    public static readonly DiagnosticDescriptor NoParameterUpdate = Error("TDSL0120", "No parameter update",
        "the rule never updates the parameter: add p = EXPR, p -= EXPR or p += EXPR");
    public static readonly DiagnosticDescriptor SecondParameterUpdate = Error("TDSL0121", "Second parameter update",
        "`{0}` updates p a second time; a rule updates the parameter exactly once");
    public static readonly DiagnosticDescriptor UsedBeforeDefinition = Error("TDSL0122", "Used before its definition",
        "`{0}` is used before the line that defines it");
    public static readonly DiagnosticDescriptor LocalRedefined = Error("TDSL0123", "Local assigned twice",
        "`{0}` is already defined; a local is assigned once (declare it with `state` to update it)");
    public static readonly DiagnosticDescriptor NotAssignable = Error("TDSL0124", "Cannot be assigned",
        "`{0}` cannot be assigned: {1}");
    public static readonly DiagnosticDescriptor StateInitialNotConstant = Error("TDSL0125", "State initial value is not a constant",
        "the initial value `{0}` of state `{1}` must be a scalar made of hyperparameters and literals");
    public static readonly DiagnosticDescriptor MatrixFormOnScalar = Error("TDSL0130", "Matrix form on a scalar",
        "`{0}` applies {1} to the scalar `{2}`; matrix forms need tensors");
    public static readonly DiagnosticDescriptor ShapeMismatch = Error("TDSL0131", "Shapes cannot match",
        "`{0}`: {1}");
    public static readonly DiagnosticDescriptor ComparisonOutsideWhere = Error("TDSL0132", "Comparison outside where",
        "the comparison `{0}` is only allowed as the condition of where(cond, a, b)");
    public static readonly DiagnosticDescriptor ArrayIndexOutOfRange = Error("TDSL0133", "Array index is not a whole number from 0 to int.MaxValue",
        "the index `{0}` of `{1}` is {2}; a hyperparameter array is indexed by a whole number from 0 to 2147483647");

    public static readonly DiagnosticDescriptor NeuronIndex = Error("TDSL0201", "Neuron position read",
        "`{0}` reads each neuron's position" + NotEquivariant);
    public static readonly DiagnosticDescriptor Subscript = Error("TDSL0202", "Subscript of a tensor",
        "`{0}` picks entries of a tensor by position" + NotEquivariant);
    public static readonly DiagnosticDescriptor Roll = Error("TDSL0203", "roll",
        "`{0}` moves entries to neighbouring positions" + NotEquivariant);
    public static readonly DiagnosticDescriptor Cumsum = Error("TDSL0204", "cumsum",
        "`{0}` sums entries in position order" + NotEquivariant);
    public static readonly DiagnosticDescriptor Sort = Error("TDSL0205", "sort",
        "`{0}` moves each entry to the position of its rank, so the result at a neuron depends on where the others are" + NotEquivariant);
    public static readonly DiagnosticDescriptor Flip = Error("TDSL0206", "flip",
        "`{0}` reverses the order of the entries" + NotEquivariant);
    public static readonly DiagnosticDescriptor HyperparameterArrayOnTensor = Error("TDSL0207", "Hyperparameter array against the tensor",
        "the hyperparameter array `{0}` meets the tensor `{1}` entry by entry, which ties its i-th value to whichever neuron sits at position i" + NotEquivariant);
    public static readonly DiagnosticDescriptor NonCommutingContraction = Error("TDSL0208", "Matrix product that does not commute with permutations",
        "`{0}` contracts {1}; a product commutes with independent permutations of rows and columns (P X Q^T) only when it contracts an axis with the same axis, as g @ transpose(g) does" + NotEquivariant);
    public static readonly DiagnosticDescriptor Noise = Warning("TDSL0250", "Equivariant only in distribution",
        "`{0}` draws i.i.d. noise per entry: permuting the neurons permutes the noise, so the rule is permutation equivariant in distribution but not draw by draw");

    public static readonly DiagnosticDescriptor SignOfState = Warning("TDSL0301", "sign is discontinuous",
        "`{0}` jumps at 0, and its argument depends on p, g or state" + NotLipschitz);
    public static readonly DiagnosticDescriptor StepFunction = Warning("TDSL0302", "floor or round is discontinuous",
        "`{0}` is a step function of a value that depends on p, g or state" + NotLipschitz);
    public static readonly DiagnosticDescriptor DiscontinuousWhere = Warning("TDSL0303", "where may be discontinuous",
        "`{0}` switches branch on `{1}`, which depends on p, g or state, and its branches are not shown to agree on the boundary" + NotLipschitz);
    public static readonly DiagnosticDescriptor DivisionByZero = Warning("TDSL0304", "Division by a value that can reach zero",
        "the divisor `{0}` in `{1}` {2} (add a positive constant such as eps; float32 reads a constant below 1e-30, such as a double 1e-300, as 0)" + NotLipschitz);
    public static readonly DiagnosticDescriptor LogOfZero = Warning("TDSL0305", "log of a value that can reach zero",
        "the argument `{0}` of `{1}` can reach zero" + NotLipschitz);
    public static readonly DiagnosticDescriptor RootNearZero = Warning("TDSL0306", "Root of a value that can reach zero",
        "`{0}` {1}" + NotLipschitz);
    public static readonly DiagnosticDescriptor PowerNearZero = Warning("TDSL0307", "Power whose base can reach zero",
        "`{0}`: {1}" + NotLipschitz);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnsupportedHyperparameterType, NameConflict,
        UnexpectedToken, MissingOperand, UnbalancedParentheses, TrailingText, MalformedStatement, NestedTooDeeply,
        UnknownName, UnknownFunction, WrongArgumentCount, FunctionAsValue, MisplacedNeuron, WhereNeedsComparison,
        NoParameterUpdate, SecondParameterUpdate, UsedBeforeDefinition, LocalRedefined, NotAssignable, StateInitialNotConstant,
        MatrixFormOnScalar, ShapeMismatch, ComparisonOutsideWhere, ArrayIndexOutOfRange,
        NeuronIndex, Subscript, Roll, Cumsum, Sort, Flip, HyperparameterArrayOnTensor, NonCommutingContraction, Noise,
        SignOfState, StepFunction, DiscontinuousWhere, DivisionByZero, LogOfZero, RootNearZero, PowerNearZero,
    ];

    public static DiagnosticDescriptor? Find(string id) => All.FirstOrDefault(d => d.Id == id);

    private static DiagnosticDescriptor Error(string id, string title, string format) => new(id, DslSeverity.Error, title, format);

    private static DiagnosticDescriptor Warning(string id, string title, string format) => new(id, DslSeverity.Warning, title, format);
}
