using FsCheck.Xunit;
using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>
/// Random expression trees printed with the fewest parentheses the precedence rules allow parse back to the
/// same tree: the printer and the parser must agree on every precedence and associativity.
/// </summary>
public class PrecedenceProperties
{
    private abstract record Node;
    private sealed record Leaf(string Text) : Node;
    private sealed record Neg(Node Operand) : Node;
    private sealed record Bin(string Op, Node Left, Node Right) : Node;
    private sealed record Call(string Name, Node[] Args) : Node;

    [Property(MaxTest = 500)]
    public bool Minimal_parenthesisation_round_trips(int seed)
    {
        var random = new Random(seed);
        var tree = Generate(random, 5);
        return SyntaxPrinter.ParseValue(Print(tree, 0)) == Expected(tree);
    }

    private static Node Generate(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
            return new Leaf(new[] { "a", "b", "g", "lr", "2", "0.5", "1e-8" }[random.Next(7)]);
        return random.Next(5) switch
        {
            0 => new Neg(Generate(random, depth - 1)),
            1 => new Call(new[] { "sqrt", "max", "where" }[random.Next(3)] is var f && f == "sqrt"
                ? "sqrt" : f, f == "sqrt" ? [Generate(random, depth - 1)] : f == "max" ? [Generate(random, depth - 1), Generate(random, depth - 1)] : [Generate(random, depth - 1), Generate(random, depth - 1), Generate(random, depth - 1)]),
            _ => new Bin(new[] { "+", "-", "*", "/", "^", "@" }[random.Next(6)], Generate(random, depth - 1), Generate(random, depth - 1)),
        };
    }

    /// <summary>Levels: 1 additive, 2 multiplicative (* / @), 3 unary minus, 4 power, 5 atoms.</summary>
    private static int Level(Node node) => node switch
    {
        Bin { Op: "+" or "-" } => 1,
        Bin { Op: "*" or "/" or "@" } => 2,
        Neg => 3,
        Bin => 4,
        _ => 5,
    };

    private static string Print(Node node, int needed)
    {
        string text = node switch
        {
            Leaf leaf => leaf.Text,
            Neg neg => "-" + Print(neg.Operand, 3),
            Bin { Op: "^" } power => Print(power.Left, 5) + " ^ " + Print(power.Right, 3),
            Bin bin => Print(bin.Left, Level(bin)) + " " + bin.Op + " " + Print(bin.Right, Level(bin) + 1),
            Call { Name: "where" } call => $"where({Print(call.Args[0], 0)} < {Print(call.Args[1], 0)}, {Print(call.Args[2], 0)}, 0)",
            Call call => call.Name + "(" + string.Join(", ", call.Args.Select(a => Print(a, 0))) + ")",
            _ => throw new InvalidOperationException(),
        };
        return Level(node) < needed ? "(" + text + ")" : text;
    }

    private static string Expected(Node node) => node switch
    {
        Leaf leaf => char.IsDigit(leaf.Text[0])
            ? double.Parse(leaf.Text, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : leaf.Text,
        Neg neg => $"(neg {Expected(neg.Operand)})",
        Bin bin => $"({bin.Op} {Expected(bin.Left)} {Expected(bin.Right)})",
        Call { Name: "where" } call => $"(where (< {Expected(call.Args[0])} {Expected(call.Args[1])}) {Expected(call.Args[2])} 0)",
        Call call => $"({call.Name}{string.Concat(call.Args.Select(a => " " + Expected(a)))})",
        _ => "",
    };
}
