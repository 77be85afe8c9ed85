using Microsoft.CodeAnalysis;
using TopoDsl.Generators.Tests.Harness;

namespace TopoDsl.Generators.Tests;

/// <summary>
/// Every diagnostic lands on the exact characters inside the C# file: DSL findings inside the string literal
/// (raw, regular with escapes, verbatim), declaration problems on the identifier or the attribute argument.
/// </summary>
public class DiagnosticTests
{
    [Theory]
    [InlineData("p -= lr * {|TDSL0201:index|} * g")]
    [InlineData("p -= lr * {|TDSL0202:g[0]|}")]
    [InlineData("p -= lr * {|TDSL0203:roll(g, 1)|}")]
    [InlineData("p -= lr * {|TDSL0204:cumsum(g)|}")]
    [InlineData("p -= lr * {|TDSL0205:sort(g)|}")]
    [InlineData("p -= lr * {|TDSL0206:flip(g)|}")]
    [InlineData("p -= lr * {|TDSL0207:scales|} * g")]
    [InlineData("p -= lr * {|TDSL0207:weights|}[{|TDSL0201:index|}]")]
    [InlineData("p -= lr * {|TDSL0208:(g @ g)|}")]
    [InlineData("state m = 0\nm = beta * m + g\np -= lr * {|TDSL0203:roll(m, 1)|}")]
    public void Equivariance_errors_point_into_the_literal_and_stop_code_generation(string rule)
    {
        var run = Markup.Verify(Sources.Optimizer(rule));

        Assert.All(run.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("p -= lr * g + sigma * {|TDSL0250:randn()|}", "EquivariantOnlyInDistribution = true", "Lipschitz = true")]
    [InlineData("p -= lr * {|TDSL0301:sign(g)|}", "Equivariant = true", "Lipschitz = false")]
    [InlineData("p -= lr * {|TDSL0302:floor(g)|}", "Equivariant = true", "Lipschitz = false")]
    [InlineData("p -= lr * {|TDSL0303:where(g > 0, 1, 0)|}", "Equivariant = true", "Lipschitz = false")]
    [InlineData("p -= lr * g / {|TDSL0304:norm(g)|}", "Equivariant = true", "Lipschitz = false")]
    [InlineData("p -= lr * log({|TDSL0305:abs(g)|})", "Equivariant = true", "Lipschitz = false")]
    [InlineData("state v = 0\nv = beta * v + g^2\n\np -= lr * g / {|TDSL0304:sqrt(v)|}", "Equivariant = true", "Lipschitz = false")]
    public void Warnings_point_into_the_literal_and_the_code_is_still_generated(string rule, string trait1, string trait2)
    {
        var run = Markup.Verify(Sources.Optimizer(rule));

        Assert.All(run.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        var source = Assert.Single(run.Sources).SourceText.ToString();
        Assert.Contains(trait1 + ";", source, StringComparison.Ordinal);
        Assert.Contains(trait2 + ";", source, StringComparison.Ordinal);
        run.AssertCompilesWithoutErrors();
    }

    [Fact]
    public void The_division_warning_names_the_divisor_and_the_quotient()
    {
        var run = Markup.Verify(Sources.Optimizer("p -= lr * g / {|TDSL0304:norm(g)|}"));

        Assert.StartsWith("the divisor `norm(g)` in `lr * g / norm(g)` depends on p, g or state", run.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Equal("https://github.com/topodsl/topodsl/blob/main/README.md#tdsl0304", run.Diagnostics[0].Descriptor.HelpLinkUri);
        Assert.Equal("TopoDsl.Lipschitz", run.Diagnostics[0].Descriptor.Category);
    }

    [Fact]
    public void Each_bad_line_gets_its_own_syntax_error_and_the_good_lines_still_bind()
    {
        var run = Markup.Verify(Sources.Optimizer("""
            state m = 0
            m = beta * m + {|TDSL0101:$|}g
            x = lr {|TDSL0102:*|}
            p -= lr * m
            """.Replace("\r\n", "\n")));

        Assert.Equal(2, run.Diagnostics.Length);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("p -= {|TDSL0110:foo|} * g")]
    [InlineData("p -= {|TDSL0111:foo|}(g)")]
    [InlineData("p -= {|TDSL0010:schedule|} * g")]
    [InlineData("{|TDSL0120:m = g|}")]
    public void Name_errors_point_at_the_name(string rule)
    {
        var run = Markup.Verify(Sources.Optimizer(rule));

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void An_unknown_name_says_which_names_exist()
    {
        var run = Markup.Verify(Sources.Optimizer("p -= {|TDSL0110:learning_rate|} * g"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Contains("`learning_rate`", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("TopoDsl.Syntax", diagnostic.Descriptor.Category);
    }

    [Fact]
    public void A_regular_literal_maps_escapes_to_their_source_characters()
    {
        // \" and \\ sit before the error, \t before it on its line, and \u0067 (g) inside the marked span.
        Markup.Verify(""""
            using TopoDsl;

            namespace Demo;

            [UpdateRule("# the \"classic\" rule, from C:\\rules\nstate m = 0\nm = beta * m +\tg\np -= lr * {|TDSL0203:roll(\u0067, 1)|} + {|TDSL0204:cumsum(m)|}")]
            public partial class Opt
            {
                public float lr = 0.01f;
                public float beta = 0.9f;
            }
            """");
    }

    [Fact]
    public void A_hex_escape_with_fewer_than_four_digits_is_one_character()
    {
        // \x9 is a tab (one hex digit: the next character, 'p', is not hex).
        Markup.Verify(""""
            using TopoDsl;

            namespace Demo;

            [UpdateRule("m\x9= g\n\x20p -= lr * {|TDSL0206:flip(m)|}")]
            public partial class Opt
            {
                public float lr = 0.01f;
            }
            """");
    }

    [Fact]
    public void Long_unicode_escapes_are_one_or_two_characters_by_their_code_point()
    {
        // \U0001F600 is a surrogate pair (two characters of the value), \U00000041 is 'A' (one).
        Markup.Verify(""""
            using TopoDsl;

            [UpdateRule("# \U0001F600 and \U00000041\np -= lr * {|TDSL0203:roll(g, 1)|}")]
            public partial class Opt
            {
                public float lr = 0.01f;
            }
            """");
    }

    [Fact]
    public void A_verbatim_literal_maps_doubled_quotes_and_line_breaks()
    {
        Markup.Verify(""""
            using TopoDsl;

            namespace Demo;

            [UpdateRule(@"# the ""classic"" rule
            state m = 0
            m = beta * m + g
            p -= lr * {|TDSL0206:flip(m)|}")]
            public partial class Opt
            {
                public float lr = 0.01f;
                public float beta = 0.9f;
            }
            """");
    }

    [Fact]
    public void A_single_line_raw_literal_maps_one_to_one()
    {
        Markup.Verify(""""
            using TopoDsl;

            namespace Demo;

            [UpdateRule("""p -= lr * {|TDSL0204:cumsum(g)|}""")]
            public partial class Opt
            {
                public float lr = 0.01f;
            }
            """");
    }

    [Fact]
    public void A_raw_literal_with_crlf_line_breaks_a_blank_line_and_four_quotes_maps_every_line()
    {
        var markup = string.Join("\r\n",
            "using TopoDsl;",
            "",
            "namespace Demo;",
            "",
            "[UpdateRule(\"\"\"\"",
            "        # a \"\"\" inside the rule's comment",
            "        state m = 0",
            "",
            "        m = beta * m + g",
            "        p -= lr * {|TDSL0205:sort(m)|}",
            "        \"\"\"\")]",
            "public partial class Opt",
            "{",
            "    public float lr = 0.01f;",
            "    public float beta = 0.9f;",
            "}",
            "");

        Markup.Verify(markup);
    }

    [Fact]
    public void A_diagnostic_of_zero_length_at_the_end_of_the_rule_lands_after_its_last_character()
    {
        var run = Markup.Verify(Sources.Optimizer("p -= lr * {|TDSL0103:(|}g"));

        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_rule_from_a_constant_field_reports_on_the_attribute_argument()
    {
        Markup.Verify(""""
            using TopoDsl;

            namespace Demo;

            internal static class Texts
            {
                public const string Rule = "p -= lr * roll(g, 1)";
            }

            [UpdateRule({|TDSL0203:Texts.Rule|})]
            public partial class Opt
            {
                public float lr = 0.01f;
            }
            """");
    }

    [Fact]
    public void A_class_that_is_not_partial_is_reported_on_its_name()
    {
        var run = Markup.Verify(""""
            using TopoDsl;

            namespace Demo;

            [UpdateRule("""
                p -= lr * g
                """)]
            public class {|TDSL0001:Opt|}
            {
                public float lr = 0.01f;
            }
            """");

        Assert.Contains("the class `Opt` must be declared partial", run.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        run.AssertCompilesWithoutErrors();
    }

    [Theory]
    [InlineData("p -= lr * g", "public int {|TDSL0004:Threads|} = 4;", "Threads")]
    [InlineData("p -= lr * g + sigma * {|TDSL0250:randn()|}", "public long {|TDSL0004:Seed|};", "Seed")]
    [InlineData("p -= lr * g", "public static string {|TDSL0004:Traits|} = \"\";", "Traits")]
    [InlineData("p -= lr * g", "public void {|TDSL0004:Step|}() { }", "Step")]
    [InlineData("p -= lr * g", "private int {|TDSL0004:TopoDslScratch|};", "TopoDslScratch")]
    [InlineData("p -= lr * g + sigma * {|TDSL0250:randn()|}", "private long {|TDSL0004:_topoDslSeed|};", "_topoDslSeed")]
    public void A_member_the_generated_optimizer_declares_is_reported_instead_of_broken_generated_code(string rule, string member, string name)
    {
        var run = Markup.Verify($$"""""
            using TopoDsl;

            [UpdateRule("""
                {{rule}}
                """)]
            public partial class Opt
            {
                public float lr = 0.01f;
                public float sigma = 0.1f;
                {{member}}
            }
            """"");

        Assert.Contains(run.Diagnostics, d => d.Id == "TDSL0004" && d.GetMessage().Contains($"`{name}`", StringComparison.Ordinal));
        Assert.Empty(run.Sources);
        run.AssertCompilesWithoutErrors();
    }

    [Fact]
    public void A_member_named_threads_is_fine_when_the_rule_cannot_be_split_across_threads()
    {
        var run = Markup.Verify(""""
            using TopoDsl;

            [UpdateRule("""
                p -= lr * g / (norm(g) + 1)
                """)]
            public partial class Opt
            {
                public float lr = 0.01f;
                public int Threads = 4;
            }
            """");

        Assert.Single(run.Sources);
        run.AssertCompilesWithoutErrors();
    }

    [Fact]
    public void A_containing_type_that_is_not_partial_is_reported_on_its_name()
    {
        var run = Markup.Verify(""""
            using TopoDsl;

            namespace Demo;

            public partial class Outer
            {
                public class {|TDSL0001:Middle|}
                {
                    [UpdateRule("""
                        p -= lr * g
                        """)]
                    public partial class Opt
                    {
                        public float lr = 0.01f;
                    }
                }
            }
            """");

        Assert.Contains("the containing type `Middle` must be declared partial", run.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Theory]
    [InlineData("public partial struct {|TDSL0002:Opt|} { public float lr; }", "is a struct")]
    [InlineData("public static partial class {|TDSL0002:Opt|} { }", "is a static class")]
    [InlineData("public partial class {|TDSL0002:Opt|}<T> { public float lr = 0.01f; }", "is a generic class")]
    [InlineData("public abstract partial class {|TDSL0002:Opt|} { public float lr = 0.01f; }", "is an abstract class")]
    [InlineData("public partial record {|TDSL0002:Opt|} { public float lr = 0.01f; }", "is a record")]
    [InlineData("public partial record struct {|TDSL0002:Opt|} { public float lr; }", "is a record struct")]
    [InlineData("public partial interface {|TDSL0002:Opt|} { }", "is an interface")]
    public void Unsupported_declarations_are_reported_on_their_name(string declaration, string message)
    {
        var run = Markup.Verify($$""""
            using TopoDsl;

            namespace Demo;

            [UpdateRule("""
                p -= lr * g
                """)]
            {{declaration}}
            """");

        Assert.Contains(message, run.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Equal("TopoDsl.Usage", run.Diagnostics[0].Descriptor.Category);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_file_local_class_or_one_nested_in_it_is_unsupported()
    {
        var run = Markup.Verify(""""
            using TopoDsl;

            [UpdateRule("p -= lr * g")]
            file partial class {|TDSL0002:Opt|} { public float lr; }

            file partial class Outer
            {
                [UpdateRule("p -= lr * g")]
                public partial class {|TDSL0002:Inner|} { public float lr; }
            }
            """");

        Assert.Contains("`Opt` is a file-local class", run.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("`Inner` is nested in a file-local type", run.Diagnostics[1].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
        run.AssertCompilesWithoutErrors();
    }

    [Fact]
    public void A_struct_that_is_not_partial_gets_both_usage_errors()
    {
        Markup.Verify(""""
            using TopoDsl;

            [UpdateRule("p -= lr * g")]
            public struct {|TDSL0001:{|TDSL0002:Opt|}|} { public float lr; }
            """");
    }

    [Fact]
    public void A_null_rule_is_not_a_constant_string()
    {
        var run = Markup.Verify(""""
            using TopoDsl;

            namespace Demo;

            [UpdateRule({|TDSL0003:null|})]
            public partial class Opt
            {
                public float lr = 0.01f;
            }
            """");

        Assert.Contains("the rule of `Opt` must be a constant string", run.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_rule_read_from_a_static_field_is_not_a_constant_string()
    {
        var run = Markup.Verify(""""
            using TopoDsl;

            namespace Demo;

            internal static class Texts
            {
                public static readonly string Rule = "p -= lr * g";
            }

            [UpdateRule({|TDSL0003:Texts.Rule|})]
            public partial class Opt
            {
                public float lr = 0.01f;
            }
            """");

        Assert.Contains(run.CompilationErrors, e => e.Id == "CS0182"); // C# itself rejects the argument, too
        Assert.Empty(run.Sources);
    }
}

/// <summary>The markup harness itself fails on a wrong span, a wrong id or a missing diagnostic.</summary>
public class MarkupTests
{
    [Theory]
    [InlineData("p -= lr * {|TDSL0203:roll(g, 1)|}", "(1,11)-(1,21)")]
    [InlineData("p -= {|TDSL0110:foo|} * g", "(1,6)-(1,9)")]
    public void Parse_strips_the_markup_and_keeps_the_span(string rule, string span)
    {
        var (text, spans) = Markup.Parse(rule);
        var (id, at) = Assert.Single(spans);
        var lines = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines;

        Assert.DoesNotContain("{|", text, StringComparison.Ordinal);
        Assert.Equal(span, new Markup.Expected(id, lines.GetLinePositionSpan(at)).ToString()[(id.Length + 1)..]);
    }

    [Theory]
    [InlineData("p -= lr * {|TDSL0203:roll(g,|} 1)")]
    [InlineData("p -= lr * {|TDSL0204:roll(g, 1)|}")]
    [InlineData("p -= lr * roll(g, 1)")]
    [InlineData("p -= lr * {|TDSL0203:roll(g, 1)|} + {|TDSL0301:g|}")]
    public void Verify_fails_when_the_diagnostics_differ(string rule)
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Markup.Verify(Sources.Optimizer(rule)));
    }
}
