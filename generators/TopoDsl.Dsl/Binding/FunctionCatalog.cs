namespace TopoDsl.Dsl.Binding;

/// <summary>The DSL's function names and how many arguments each takes.</summary>
internal static class FunctionCatalog
{
    private static readonly Dictionary<string, (int Min, int Max)> Arities = new(StringComparer.Ordinal)
    {
        ["sqrt"] = (1, 1), ["abs"] = (1, 1), ["sign"] = (1, 1), ["exp"] = (1, 1), ["log"] = (1, 1),
        ["min"] = (2, 2), ["max"] = (1, 2), ["clamp"] = (3, 3), ["tanh"] = (1, 1), ["sigmoid"] = (1, 1),
        ["relu"] = (1, 1), ["square"] = (1, 1), ["floor"] = (1, 1), ["round"] = (1, 1), ["where"] = (3, 3),
        ["transpose"] = (1, 1), ["randn"] = (0, 0), ["rand"] = (0, 0),
        ["roll"] = (2, 2), ["cumsum"] = (1, 1), ["sort"] = (1, 1), ["flip"] = (1, 1),
        ["sum"] = (1, 2), ["mean"] = (1, 2), ["norm"] = (1, 2),
    };

    private static readonly Dictionary<string, Function> Functions = new(StringComparer.Ordinal)
    {
        ["sqrt"] = Function.Sqrt, ["abs"] = Function.Abs, ["sign"] = Function.Sign, ["exp"] = Function.Exp,
        ["log"] = Function.Log, ["min"] = Function.Min, ["max"] = Function.Max, ["clamp"] = Function.Clamp,
        ["tanh"] = Function.Tanh, ["sigmoid"] = Function.Sigmoid, ["relu"] = Function.Relu, ["square"] = Function.Square,
        ["floor"] = Function.Floor, ["round"] = Function.Round, ["where"] = Function.Where,
        ["transpose"] = Function.Transpose, ["randn"] = Function.Randn, ["rand"] = Function.Rand,
        ["roll"] = Function.Roll, ["cumsum"] = Function.Cumsum, ["sort"] = Function.Sort, ["flip"] = Function.Flip,
    };

    private static readonly Dictionary<string, ReductionKind> Reductions = new(StringComparer.Ordinal)
    {
        ["sum"] = ReductionKind.Sum, ["mean"] = ReductionKind.Mean, ["norm"] = ReductionKind.Norm, ["max"] = ReductionKind.Max,
    };

    public static bool IsFunctionName(string name) => Arities.ContainsKey(name);

    public static bool TryGetArity(string name, out int min, out int max)
    {
        bool found = Arities.TryGetValue(name, out var arity);
        (min, max) = arity;
        return found;
    }

    /// <summary>A reduction is sum/mean/norm with any arity, or max with one argument or with `neuron` second.</summary>
    public static ReductionKind? ReductionOf(string name, int argumentCount, bool secondIsNeuron) =>
        Reductions.TryGetValue(name, out var kind) && (kind != ReductionKind.Max || argumentCount == 1 || secondIsNeuron) ? kind : null;

    public static Function FunctionOf(string name) => Functions[name];

    public static string DescribeArity(int min, int max)
    {
        string count = min == max ? $"{min}" : $"{min} or {max}";
        return count + (max == 1 && min == 1 ? " argument" : " arguments");
    }
}
