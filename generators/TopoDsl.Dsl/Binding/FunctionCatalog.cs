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

    /// <summary>The function whose name is nearest to <paramref name="name"/> (at most two edits away), for "did you mean".</summary>
    public static string? Nearest(string name) => Arities.Keys
        .Select(candidate => (Candidate: candidate, Distance: EditDistance(name, candidate)))
        .Where(c => c.Distance <= Math.Min(2, Math.Max(1, name.Length / 2)))
        .OrderBy(c => c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal)
        .Select(c => c.Candidate).FirstOrDefault();

    /// <summary>Edits (insert, delete, replace, swap of neighbours) between two short names.</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

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
