using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TopoDsl.Generators.Tests.Harness;

/// <summary>
/// C# source with the expected diagnostics written inline, e.g. <c>p -= lr * {|TDSL0203:roll(g, 1)|}</c> inside
/// the rule's raw string literal. The markup is stripped; each marked span becomes an expected (id, line/column span)
/// in the clean file. Markup may nest (a span inside another).
/// </summary>
public static class Markup
{
    public sealed record Expected(string Id, LinePositionSpan Span)
    {
        public override string ToString() =>
            $"{Id} ({Span.Start.Line + 1},{Span.Start.Character + 1})-({Span.End.Line + 1},{Span.End.Character + 1})";
    }

    public static (string Source, IReadOnlyList<(string Id, TextSpan Span)> Spans) Parse(string markup)
    {
        var text = new StringBuilder();
        var spans = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        for (int i = 0; i < markup.Length;)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i);
                Assert.True(colon > i + 2, $"markup at {i}: {{|ID:...|}} needs an id");
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                i = colon + 1;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}')
            {
                Assert.True(open.Count > 0, $"markup at {i}: |}} without {{|");
                var (id, start) = open.Pop();
                spans.Add((id, TextSpan.FromBounds(start, text.Length)));
                i += 2;
            }
            else text.Append(markup[i++]);
        }
        Assert.True(open.Count == 0, "markup: unclosed {|");
        return (text.ToString(), spans);
    }

    /// <summary>
    /// Runs the generator on the clean source (plus <paramref name="others"/>, unmarked) and asserts that the
    /// visible TDSL diagnostics are exactly the marked ones: same ids, same line/column spans, in File0.cs.
    /// </summary>
    public static GeneratorRun Verify(string markup, params string[] others) => Verify(GeneratorHarness.Run, markup, others);

    /// <summary>As <see cref="Verify(string, string[])"/>, with the experiments generator too (<see cref="GeneratorHarness.RunExperiments"/>).</summary>
    public static GeneratorRun VerifyExperiment(string markup, params string[] others) => Verify(GeneratorHarness.RunExperiments, markup, others);

    private static GeneratorRun Verify(Func<string[], GeneratorRun> generate, string markup, string[] others)
    {
        var (source, spans) = Parse(markup);
        var run = generate([source, .. others]);
        // A generator that throws reports CS8785 (a warning, not TDSL) and adds nothing for the whole compilation.
        var crashes = run.DriverDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").ToList();
        Assert.True(crashes.Count == 0, "a generator failed:\n" + string.Join("\n", crashes.Select(d => d.GetMessage())));
        var lines = SourceText.From(source).Lines;
        var expected = spans.Select(s => new Expected(s.Id, lines.GetLinePositionSpan(s.Span))).ToList();
        var actual = run.Diagnostics.Select(d =>
        {
            var location = d.Location.GetLineSpan();
            Assert.Equal("File0.cs", location.Path);
            return new Expected(d.Id, location.Span);
        }).ToList();
        Assert.True(Sorted(expected).SequenceEqual(Sorted(actual)),
            $"expected [{string.Join(", ", Sorted(expected))}]\nactual   [{string.Join(", ", Sorted(actual))}]\n"
            + string.Join("\n", run.Diagnostics.Select(d => d.ToString())));
        return run;
    }

    private static IEnumerable<Expected> Sorted(IEnumerable<Expected> items) =>
        items.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.End).ThenBy(e => e.Id, StringComparer.Ordinal);
}
