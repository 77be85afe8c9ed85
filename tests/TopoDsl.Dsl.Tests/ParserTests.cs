using TopoDsl.Dsl.Syntax;
using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

public class ParserTests
{
    [Theory]
    [InlineData("-x^2", "(neg (^ x 2))")]
    [InlineData("a^b^c", "(^ a (^ b c))")]
    [InlineData("2^-1", "(^ 2 (neg 1))")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("a / b * c", "(* (/ a b) c)")]
    [InlineData("a + b * c", "(+ a (* b c))")]
    [InlineData("(a + b) * c", "(* (+ a b) c)")]
    [InlineData("a @ b @ c", "(@ (@ a b) c)")]
    [InlineData("lr * g @ h", "(@ (* lr g) h)")]
    [InlineData("-a * b", "(* (neg a) b)")]
    [InlineData("+a", "a")]
    [InlineData("--a", "(neg (neg a))")]
    [InlineData("x ** 2", "(^ x 2)")]
    [InlineData("1 - beta1^t", "(- 1 (^ beta1 t))")]
    [InlineData("x[k]", "([] x k)")]
    [InlineData("x[1][2]", "([] ([] x 1) 2)")]
    [InlineData("roll(x, 1)", "(roll x 1)")]
    [InlineData("randn()", "(randn)")]
    [InlineData("clamp(x, -1, 1)", "(clamp x (neg 1) 1)")]
    [InlineData("where(a <= b, x, y)", "(where (<= a b) x y)")]
    [InlineData("where(a != b, x, y)", "(where (!= a b) x y)")]
    [InlineData("sum(x, neuron)", "(sum x neuron)")]
    [InlineData("transpose(g) @ g", "(@ (transpose g) g)")]
    public void Precedence_and_forms(string expression, string expected) =>
        Assert.Equal(expected, SyntaxPrinter.ParseValue(expression));

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("0.9", 0.9)]
    [InlineData("1e-8", 1e-8)]
    [InlineData("1.5e3", 1500.0)]
    [InlineData(".5", 0.5)]
    [InlineData("2E+2", 200.0)]
    public void Number_literals(string literal, double value)
    {
        var (statements, diagnostics) = SyntaxPrinter.Parse("x = " + literal);
        Assert.Empty(diagnostics);
        Assert.Equal(value, Assert.IsType<NumberExpr>(Assert.Single(statements).Value).Value);
    }

    [Fact]
    public void Statements_comments_blank_lines_and_assignment_kinds()
    {
        var (statements, diagnostics) = SyntaxPrinter.Parse("# header\n\nstate m = 0   # comment\r\nm += g\n  p -= lr * m\nq = 1\n");
        Assert.Empty(diagnostics);
        Assert.Collection(statements,
            s => Assert.Equal((true, "m", AssignmentKind.Set), (s.DeclaresState, s.Target, s.Kind)),
            s => Assert.Equal((false, "m", AssignmentKind.Add), (s.DeclaresState, s.Target, s.Kind)),
            s => Assert.Equal((false, "p", AssignmentKind.Subtract), (s.DeclaresState, s.Target, s.Kind)),
            s => Assert.Equal((false, "q", AssignmentKind.Set), (s.DeclaresState, s.Target, s.Kind)));
    }

    [Fact]
    public void Spans_index_the_original_text()
    {
        const string text = "state m = 0\r\n  p -= lr * (m + g)\n";
        var (statements, _) = SyntaxPrinter.Parse(text);
        var update = statements[1];
        Assert.Equal("p", text.Substring(update.TargetSpan.Start, update.TargetSpan.Length));
        var value = Assert.IsType<BinaryExpr>(update.Value);
        Assert.Equal("lr * (m + g)", text.Substring(value.Span.Start, value.Span.Length));
        Assert.Equal("(m + g)", text.Substring(value.Right.Span.Start, value.Right.Span.Length));
    }

    [Fact]
    public void Every_bad_line_gets_its_own_diagnostic_and_good_lines_survive()
    {
        // Four broken lines, each reported once at its exact span; the good lines still parse.
        var analysis = Markup.Verify("""
            state m = 0
            m = beta1 * m + {|TDSL0101:$|}g
            x = (g + 1){|TDSL0103:)|}
            y = lr {|TDSL0102:*|}
            z = {|TDSL0103:(|}g + 1
            w = g {|TDSL0104:g h|}
            p -= lr * m
            """);
        Assert.Null(analysis.Model);
    }

    [Theory]
    [InlineData("p -= lr * {|TDSL0103:(|}g", "missing close")]
    [InlineData("p -= lr * g{|TDSL0103:)|}", "extra close")]
    [InlineData("p -= lr {|TDSL0102:*|} * g", "operator without operand")]
    [InlineData("p {|TDSL0102:-=|}", "no value")]
    [InlineData("p -= {|TDSL0101:1e|}", "malformed number")]
    [InlineData("p -= lr * g {|TDSL0104:lr g|}", "trailing garbage")]
    [InlineData("{|TDSL0105:p - g|}", "no assignment")]
    [InlineData("{|TDSL0105:42|}", "not a statement")]
    [InlineData("p -= sqrt(g{|TDSL0101:;|} 1)", "bad separator")]
    [InlineData("p -= where(g < 0 {|TDSL0101:<|} 1, g, 0)", "chained comparison")]
    [InlineData("p -= g{|TDSL0103:[|}1", "missing bracket")]
    [InlineData("state m {|TDSL0101:+=|} 0\np -= g", "compound state declaration")]
    public void Syntax_errors_have_exact_spans(string markup, string why)
    {
        Assert.NotNull(why);
        Markup.Verify(markup + (markup.Contains("p -=", StringComparison.Ordinal) || markup.Contains("p {", StringComparison.Ordinal) ? "" : "\np -= g"));
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        string text = "p -= " + new string('(', 5000) + "g" + new string(')', 5000);
        var analysis = RuleCompiler.Analyze(text, RuleContext.Empty);
        Assert.Contains(analysis.Diagnostics, d => d.Id == "TDSL0106");
        Assert.Null(RuleCompiler.Emit(analysis, OptimizerCompiler.Target("Deep")));
    }
}
