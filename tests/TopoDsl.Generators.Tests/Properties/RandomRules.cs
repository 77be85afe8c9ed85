using System.Globalization;
using System.Text;
using TopoDsl.Dsl;

namespace TopoDsl.Generators.Tests.Properties;

/// <summary>A hyperparameter of a random rule's class: its C# declaration, its value at run time, and the values of an array.</summary>
public sealed record RandomHyperparameter(string Name, HyperparameterType Type, string Declaration, double Value, double[]? Array = null);

/// <summary>A random rule: its class name, its text and the hyperparameters its class declares.</summary>
public sealed record RandomRule(string ClassName, string Text, IReadOnlyList<RandomHyperparameter> Hyperparameters)
{
    public bool UsesMatrixForms => Text.Contains('@') || Text.Contains("transpose(", StringComparison.Ordinal);

    /// <summary>The class as a user writes it: the rule in a raw string, one public field per hyperparameter.</summary>
    public string Source => $$""""
        using TopoDsl;

        namespace Fuzz;

        [UpdateRule("""
        {{string.Join("\n", Text.Split('\n').Select(line => "    " + line))}}
            """)]
        public partial class {{ClassName}}
        {
        {{string.Join("\n", Hyperparameters.Select(h => "    " + h.Declaration))}}
        }

        """";

    /// <summary>The hyperparameters as the analysis sees them at run time (a field without initializer is 0 there).</summary>
    public RuleContext RuntimeContext => new(Hyperparameters.Select(h => new Hyperparameter(h.Name, h.Type, h.Array is null ? h.Value : null)).ToEquatableArray());

    public IReadOnlyDictionary<string, double[]> Arrays => Hyperparameters.Where(h => h.Array is not null).ToDictionary(h => h.Name, h => h.Array!);

    public override string ToString() => $"class {ClassName}, rule:\n{Text}\nhyperparameters: {string.Join(", ", Hyperparameters.Select(h => h.Declaration))}";
}

/// <summary>
/// Well-typed random rules over the whole language: every operator, function, reduction (whole and per neuron),
/// matrix form, noise, where on tensors, scalars, reductions and the step; hyperparameters of every kind (float,
/// double, int, without default, float[] and double[] reduced or indexed); states updated before and after p;
/// locals; and, rarely, the positional forms the checker must reject.
/// </summary>
public sealed class RandomRules(int seed)
{
    private static readonly string[] Functions = ["sqrt", "abs", "sign", "exp", "log", "tanh", "sigmoid", "relu", "square", "floor", "round"];
    private static readonly string[] Operators = ["+", "-", "*", "/"];
    private static readonly string[] Comparisons = ["<", "<=", ">", ">=", "==", "!="];
    private static readonly string[] Reductions = ["sum", "mean", "norm", "max"];
    private static readonly string[] Exponents = ["2", "3", "0.5", "-1", "1.5", "0.3", "b", "(0 - 0.5)", "(-1 * 1)", "t", "k", "g", "e", "2.5"];
    private static readonly string[] Literals = ["0.5", "2", "1e-3", "0", "1", "0.9", "1e-50"];
    private static readonly string[] ScalarNames = ["lr", "a", "b", "eps", "d", "k", "u", "e", "t"];
    private static readonly string[] Positional = ["roll(g, 1)", "index", "g[0]", "sort(p)", "cumsum(g)", "flip(g)", "w * g"];

    private readonly Random _random = new(seed);
    private readonly List<string> _tensors = [];
    private readonly List<string> _scalars = [];
    private bool _matrix;

    public RandomRule Next(int number)
    {
        _tensors.Clear();
        _scalars.Clear();
        _matrix = Chance(0.15);
        _tensors.AddRange(["p", "g"]);
        var lines = new List<string>();
        int stateCount = _random.Next(3);
        for (int i = 0; i < stateCount; i++)
        {
            lines.Add($"state s{i} = {Pick("0", "1", "a", "0.5", "eps")}");
            _tensors.Add($"s{i}");
        }
        for (int i = 0; i < stateCount; i++)
            if (Chance(0.7)) lines.Add(StateUpdate(i));
        int locals = _random.Next(3);
        for (int j = 0; j < locals; j++)
        {
            bool scalar = Chance(0.25);
            lines.Add($"l{j} = {(scalar ? Scalar(2) : Tensor(3))}");
            (scalar ? _scalars : _tensors).Add($"l{j}");
        }
        lines.Add(Pick($"p -= lr * {Tensor(3)}", $"p = p - lr * {Tensor(3)}", $"p += {Tensor(3)} * lr", $"p = {Tensor(3)}"));
        for (int i = 0; i < stateCount; i++)
            if (Chance(0.2)) lines.Add(StateUpdate(i));
        return new RandomRule($"R{number}", string.Join("\n", lines), Hyperparameters());
    }

    private string StateUpdate(int i) => Chance(0.5)
        ? $"s{i} = a * s{i} + (1 - a) * {Tensor(2)}"
        : Pick($"s{i} = {Tensor(3)}", $"s{i} += {Tensor(2)}", $"s{i} = max(a * s{i}, {Tensor(2)})");

    private IReadOnlyList<RandomHyperparameter> Hyperparameters()
    {
        float lr = (float)Pick(0.01, 0.1, 0.5), a = (float)Pick(0.5, 0.9, 0.999), b = (float)Pick(2.5, 0.3, -0.5, 1.5, 3), eps = (float)Pick(1e-8, 1e-3, 0.1);
        float e = (float)Pick(-0.5, 0.5, 2);
        double d = Pick(1e-300, 1e-8, 0.5, -2);
        int k = _random.Next(3);
        return
        [
            Float("lr", lr), Float("a", a), Float("b", b), Float("eps", eps), Float("e", e),
            new("d", HyperparameterType.Double, $"public double d = {d.ToString("R", CultureInfo.InvariantCulture)};", d),
            new("k", HyperparameterType.Int, $"public int k = {k};", k),
            new("u", HyperparameterType.Float, "public float u;", 0),
            new("w", HyperparameterType.FloatArray, "public float[] w = new float[] { 0.5f, 1.5f, -1f };", 0, [0.5, 1.5, -1]),
            new("dw", HyperparameterType.DoubleArray, "public double[] dw = new double[] { 2, 0.25, 4 };", 0, [2, 0.25, 4]),
        ];

        static RandomHyperparameter Float(string name, float value) =>
            new(name, HyperparameterType.Float, $"public float {name} = {value.ToString("R", CultureInfo.InvariantCulture)}f;", value);
    }

    private string Tensor(int depth)
    {
        if (depth <= 0 || Chance(0.25)) return Pick(_tensors);
        int choice = _random.Next(100);
        return choice switch
        {
            < 14 => $"{Pick(Functions)}({Tensor(depth - 1)})",
            < 30 => $"({Tensor(depth - 1)} {Pick(Operators)} {Tensor(depth - 1)})",
            < 42 => Chance(0.5) ? $"({Tensor(depth - 1)} {Pick(Operators)} {Scalar(depth - 1)})" : $"({Scalar(depth - 1)} {Pick(Operators)} {Tensor(depth - 1)})",
            < 52 => $"({Tensor(depth - 1)})^{Pick(Exponents)}",
            < 58 => $"{Pick("min", "max")}({Tensor(depth - 1)}, {(Chance(0.5) ? Tensor(depth - 1) : Scalar(depth - 1))})",
            < 61 => $"clamp({Tensor(depth - 1)}, {Scalar(0)}, {Scalar(0)})",
            < 72 => $"where({Condition(depth - 1)}, {Tensor(depth - 1)}, {(Chance(0.7) ? Tensor(depth - 1) : Scalar(depth - 1))})",
            < 80 => $"{Pick("sum", "mean", "norm", "max")}({Tensor(depth - 1)}, neuron)",
            < 84 => $"-{Tensor(depth - 1)}",
            < 90 when _matrix => Pick($"({Tensor(depth - 1)} @ transpose({Tensor(depth - 1)}) @ {Tensor(depth - 1)})", $"transpose(transpose({Tensor(depth - 1)}))"),
            < 93 => $"{Scalar(0)} * {Pick("randn()", "rand()")}",
            < 94 => Pick(Positional),
            _ => Pick(_tensors),
        };
    }

    private string Scalar(int depth)
    {
        if (depth <= 0 || Chance(0.3))
            return Chance(0.15) && _scalars.Count > 0 ? Pick(_scalars) : Chance(0.5) ? Pick(Literals) : Pick(ScalarNames);
        return _random.Next(10) switch
        {
            0 or 1 => $"{Pick(Reductions)}({Tensor(depth - 1)})",
            2 => $"{Pick("sum", "mean", "norm", "max")}({Pick("w", "dw", "w", "dw", "w", "dw", "w * 2", "sqrt(dw)")})",   // the last two must be rejected
            3 => $"{Pick("w", "dw")}[{Pick("0", "1", "2", "k")}]",
            4 => $"{Pick("sqrt", "exp", "abs")}({Scalar(depth - 1)})",
            5 => $"({Scalar(depth - 1)})^{Pick("2", "0.5", "t", "-1")}",
            _ => $"({Scalar(depth - 1)} {Pick(Operators)} {Scalar(depth - 1)})",
        };
    }

    private string Condition(int depth) => _random.Next(4) switch
    {
        0 => $"{Tensor(depth)} {Pick(Comparisons)} {Tensor(depth)}",
        1 => $"{Tensor(depth)} {Pick(Comparisons)} {Scalar(depth)}",
        2 => $"{Pick("t", "lr", "k")} {Pick(Comparisons)} {Pick("1", "2", "0.5")}",
        _ => $"{Pick(Reductions)}({Tensor(depth)}) {Pick(Comparisons)} {Scalar(0)}",
    };

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];

    private T Pick<T>(List<T> options) => options[_random.Next(options.Count)];
}
