using System.Text;

namespace TopoDsl.Dsl.Tests.Support;

/// <summary>
/// Rule text with expected diagnostics written inline: <c>p -= lr * {|TDSL0203:roll(g, 1)|}</c>. The markup is
/// stripped; each marked span becomes an expected (id, start, length) in the clean text.
/// </summary>
public static class Markup
{
    public sealed record Expected(string Id, int Start, int Length)
    {
        public override string ToString() => $"{Id}@{Start}+{Length}";
    }

    public static (string Text, IReadOnlyList<Expected> Spans) Parse(string markup)
    {
        var text = new StringBuilder();
        var spans = new List<Expected>();
        var open = new Stack<(string Id, int Start)>();
        for (int i = 0; i < markup.Length;)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                int colon = markup.IndexOf(':', i);
                open.Push((markup.Substring(i + 2, colon - i - 2), text.Length));
                i = colon + 1;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}')
            {
                var (id, start) = open.Pop();
                spans.Add(new Expected(id, start, text.Length - start));
                i += 2;
            }
            else text.Append(markup[i++]);
        }
        Assert.Empty(open);
        return (text.ToString(), spans);
    }

    /// <summary>Analyses the clean text and asserts that the diagnostics are exactly the marked ones (id and span).</summary>
    public static RuleAnalysis Verify(string markup, RuleContext? context = null, bool includeWarnings = true)
    {
        var (text, expected) = Parse(markup);
        var analysis = RuleCompiler.Analyze(text, context ?? Contexts.Standard);
        var actual = analysis.Diagnostics
            .Where(d => includeWarnings || d.Severity == DslSeverity.Error)
            .Select(d => new Expected(d.Id, d.Start, d.Length))
            .OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var wanted = expected.OrderBy(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        Assert.True(wanted.SequenceEqual(actual),
            $"expected [{string.Join(", ", wanted)}]\nactual   [{string.Join(", ", actual)}]\n" + string.Join("\n", analysis.Diagnostics));
        return analysis;
    }
}
