using Microsoft.CodeAnalysis;
using TopoDsl.Generators.Tests.Harness;

namespace TopoDsl.Generators.Tests;

/// <summary>
/// Random edits of the standard rules' files, inside and around the rule literal (quotes and braces included,
/// so some edits break the C# itself), run through Roslyn and the generator: it must never throw, and each
/// mutant must give code or a diagnostic (TDSL, or the compiler's own when the C# no longer compiles).
/// </summary>
public class FuzzTests
{
    private const string Alphabet = "pgtmv+-*/^()=#,<>@[]\"{}\\ \n0123456789.e_abcdefghijklmnopqrstuvwxyz";

    [Fact]
    public void Thousand_mutations_of_the_standard_rules_never_crash_the_generator()
    {
        var random = new Random(20261123);
        var rules = Sources.StandardRuleNames.Select(Sources.StandardRule).ToArray();
        int generated = 0, rejected = 0, brokenCSharp = 0;
        for (int n = 0; n < 1000; n++)
        {
            string source = Mutate(rules[n % rules.Length], random);
            var run = GeneratorHarness.Run(source);
            var result = run.Result.Results.Single();
            Assert.True(result.Exception is null, $"mutant {n} threw {result.Exception}:\n{source}");
            Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8784" or "CS8785");   // generator failed to initialise / run

            foreach (var d in run.Diagnostics)
                Assert.True(d.Location.IsInSource && d.Location.SourceSpan.End <= source.Length, $"mutant {n}: {d} lies outside the file");

            bool tdslError = run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            if (result.GeneratedSources.Length > 0) generated++;
            else if (tdslError) rejected++;
            else if (run.Input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)) brokenCSharp++;   // e.g. the attribute no longer resolves
            else Assert.Fail($"mutant {n} gave neither code nor a diagnostic:\n{source}");
            Assert.False(result.GeneratedSources.Length > 0 && tdslError, $"mutant {n}: code despite an error");
        }
        // The mutants must exercise all three outcomes, or the test proves less than it says.
        Assert.True(generated > 50 && rejected > 300 && brokenCSharp > 10, $"generated {generated}, rejected {rejected}, broken C# {brokenCSharp}");
    }

    /// <summary>One to three edits, mostly inside the rule's text, sometimes anywhere in the file.</summary>
    private static string Mutate(string source, Random random)
    {
        int literalStart = source.IndexOf("[UpdateRule(", StringComparison.Ordinal);
        int literalEnd = source.IndexOf("\"\"\")]", literalStart, StringComparison.Ordinal) + 5;
        var text = new System.Text.StringBuilder(source);
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits; e++)
        {
            bool inside = random.NextDouble() < 0.9;
            int low = inside ? literalStart + 16 : 0, high = inside ? Math.Min(literalEnd, text.Length) : text.Length;
            int at = random.Next(low, Math.Max(low + 1, high));
            if (at > text.Length) at = text.Length;
            switch (random.Next(3))
            {
                case 0 when at < text.Length: text.Remove(at, 1); break;
                case 1: text.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                default:
                    if (at < text.Length) text[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
            }
        }
        return text.ToString();
    }
}
