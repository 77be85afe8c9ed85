using System.Text;
using System.Text.RegularExpressions;
using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>
/// Thousands of random character and token mutations of the library's rules: Analyze and Emit never throw,
/// every result is either code or at least one error, and every span lies inside the text. The mutants that
/// are still valid are compiled, all together, and must compile without warnings.
/// </summary>
public class FuzzTests
{
    private static readonly string[] TokenPool =
    [
        "p", "g", "t", "m", "v", "lr", "eps", "index", "neuron", "state", "x", "(", ")", "[", "]", ",", "+", "-", "*", "/",
        "^", "**", "@", "<", ">=", "==", "=", "-=", "+=", "#", "\n", " ", "0", "1", "0.5", "1e-8", "1e", ".", "sqrt(", "norm(",
        "sum(", "max(", "where(", "transpose(", "randn()", "sign(", "roll(", "log(", "exp(", "clamp(", "abs(", "$", "\r\n",
    ];

    private const string Characters = "pgtmvlr()[]+-*/^@<>=,#.0123456789e \n_\t";

    [Fact]
    public void Mutations_never_throw_and_yield_code_or_an_error_with_spans_inside_the_text()
    {
        var random = new Random(20261123);
        var valid = new Dictionary<string, LibraryRule>();
        int errors = 0;
        for (int iteration = 0; iteration < 4000; iteration++)
        {
            var rule = RuleLibrary.All[random.Next(RuleLibrary.All.Count)];
            string text = rule.Text;
            for (int k = random.Next(1, 4); k > 0; k--) text = Mutate(text, random);

            var analysis = RuleCompiler.Analyze(text, rule.Context);
            foreach (var d in analysis.Diagnostics)
            {
                Assert.True(d.Start >= 0 && d.Length >= 0 && d.Start + d.Length <= text.Length, $"{d} outside [0, {text.Length}) in:\n{text}");
                Assert.False(string.IsNullOrWhiteSpace(d.Message));
            }
            string? code = RuleCompiler.Emit(analysis, OptimizerCompiler.Target("Fuzz"));
            if (analysis.HasErrors)
            {
                Assert.Null(code);
                Assert.Null(analysis.Model);
                errors++;
            }
            else
            {
                Assert.NotNull(code);
                if (valid.Count < 60 && text != rule.Text) valid.TryAdd(text, rule);
            }
        }
        Assert.InRange(errors, 1000, 3990); // the mutations exercise both outcomes
        Assert.True(valid.Count >= 10, $"only {valid.Count} valid mutants");
        CompileAll(valid);
    }

    private static void CompileAll(Dictionary<string, LibraryRule> mutants)
    {
        var sources = new List<string>();
        int n = 0;
        foreach (var (text, rule) in mutants)
        {
            string type = "Mutant" + n++;
            var analysis = RuleCompiler.Analyze(text, rule.Context);
            sources.Add(RuleCompiler.Emit(analysis, OptimizerCompiler.Target(type))!);
            sources.Add(OptimizerCompiler.UserDeclaration(type, rule.Hyperparameters));
        }
        OptimizerCompiler.Compile(sources);
    }

    private static string Mutate(string text, Random random)
    {
        switch (random.Next(6))
        {
            case 0 when text.Length > 0:
                return text.Remove(random.Next(text.Length), 1);
            case 1:
                return text.Insert(random.Next(text.Length + 1), Characters[random.Next(Characters.Length)].ToString());
            case 2 when text.Length > 0:
                int at = random.Next(text.Length);
                return text.Substring(0, at) + Characters[random.Next(Characters.Length)] + text.Substring(at + 1);
            default:
                return MutateTokens(text, random);
        }
    }

    private static string MutateTokens(string text, Random random)
    {
        var tokens = Regex.Matches(text, @"[A-Za-z_][A-Za-z0-9_]*|\d+(\.\d*)?([eE][+-]?\d+)?|\*\*|[-+]=|[<>=!]=|\s+|.", RegexOptions.Singleline)
            .Select(m => m.Value).ToList();
        if (tokens.Count == 0) return TokenPool[random.Next(TokenPool.Length)];
        int i = random.Next(tokens.Count);
        switch (random.Next(4))
        {
            case 0: tokens.RemoveAt(i); break;
            case 1: tokens.Insert(i, TokenPool[random.Next(TokenPool.Length)]); break;
            case 2: tokens[i] = TokenPool[random.Next(TokenPool.Length)]; break;
            default:
                int j = random.Next(tokens.Count);
                (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                break;
        }
        return string.Concat(tokens);
    }

    [Fact]
    public void Pathological_inputs_are_handled()
    {
        foreach (string text in new[] { "", "\n\n", "#", "p", "p -=", "state", "state m", "((((", "))))", "p -= g\u0000", "p -= 1e999 * g", "p -= g\r", new string('-', 300) + "g", "p -= g" + string.Concat(Enumerable.Repeat(" + g", 100000)), string.Concat(Enumerable.Repeat("p -= g\n", 20000)) })
        {
            var analysis = RuleCompiler.Analyze(text, Contexts.Standard);
            Assert.True(analysis.HasErrors || RuleCompiler.Emit(analysis, OptimizerCompiler.Target("P")) is not null, text);
            Assert.All(analysis.Diagnostics, d => Assert.InRange(d.Start + d.Length, d.Start, text.Length));
        }
    }
}
