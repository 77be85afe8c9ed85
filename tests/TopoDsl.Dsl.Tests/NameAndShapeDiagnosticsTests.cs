using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>TDSL00xx and TDSL01xx beyond syntax: names, arities, statement rules, shapes. Spans are exact.</summary>
public class NameAndShapeDiagnosticsTests
{
    [Theory]
    [InlineData("p -= {|TDSL0010:schedule|} * g")]
    [InlineData("state m = 0\nstate {|TDSL0011:m|} = 1\np -= g")]
    [InlineData("state {|TDSL0011:g|} = 0\np -= g")]
    [InlineData("state {|TDSL0011:index|} = 0\np -= g")]
    [InlineData("state {|TDSL0011:sqrt|} = 0\np -= g")]
    [InlineData("state {|TDSL0011:lr|} = 0\np -= g")]
    [InlineData("x = g\nstate {|TDSL0011:x|} = 0\np -= g")]
    public void Usage(string markup)
    {
        var text = Markup.Parse(markup).Text;
        Markup.Verify(markup);
        var message = RuleCompiler.Analyze(text, Contexts.Standard).Diagnostics.First().Message;
        Assert.Matches("`[a-z]+`", message); // names the offending fragment
    }

    [Theory]
    [InlineData("p -= g / nrom(g)", "did you mean `norm`?")]
    [InlineData("p -= sqtr(g)", "did you mean `sqrt`?")]
    [InlineData("p -= g * sigmiod(g)", "did you mean `sigmoid`?")]
    [InlineData("p -= g * frobnicate(g)", "is not a function of the DSL")]
    public void An_unknown_function_suggests_the_nearest_one(string text, string expected)
    {
        var diagnostic = Assert.Single(RuleCompiler.Analyze(text, Contexts.Standard).Diagnostics);
        Assert.Equal("TDSL0111", diagnostic.Id);
        Assert.EndsWith(expected, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p -= {|TDSL0110:foo|} * g")]
    [InlineData("p -= {|TDSL0111:foo|}(g)")]
    [InlineData("p -= g / ({|TDSL0111:nrom|}(g, neuron) + 1)")]   // one error: `neuron` suits the function meant
    [InlineData("p -= {|TDSL0112:sqrt(g, g)|}")]
    [InlineData("p -= {|TDSL0112:clamp(g, 1)|}")]
    [InlineData("p -= {|TDSL0112:randn(g)|}")]
    [InlineData("p -= {|TDSL0113:sqrt|} * g")]
    [InlineData("p -= sum(g, {|TDSL0114:g|})")]
    [InlineData("p -= {|TDSL0114:neuron|} * g")]
    [InlineData("p -= where({|TDSL0115:g|}, g, 0)")]
    [InlineData("{|TDSL0120:m = g|}")]
    [InlineData("p -= g\n{|TDSL0121:p += g|}")]
    [InlineData("x = {|TDSL0122:y|}\ny = g\np -= x")]
    [InlineData("p -= {|TDSL0122:m|}\nstate m = 0")]
    [InlineData("x = g\n{|TDSL0123:x|} = g\np -= x")]
    [InlineData("{|TDSL0124:g|} = 0\np -= g")]
    [InlineData("{|TDSL0124:lr|} = 0\np -= g")]
    [InlineData("{|TDSL0124:sqrt|} = 0\np -= g")]
    [InlineData("state m = {|TDSL0125:g|}\np -= m")]
    [InlineData("state m = {|TDSL0125:t|}\np -= m")]
    [InlineData("state m = {|TDSL0125:randn()|}{|TDSL0250:|}\np -= m")]
    [InlineData("p -= {|TDSL0130:lr @ g|}")]
    [InlineData("p -= {|TDSL0130:transpose(lr)|}")]
    [InlineData("p -= {|TDSL0131:g @ transpose(g) + g|}")]
    [InlineData("p -= {|TDSL0131:g @ transpose(g)|}")]
    [InlineData("p -= {|TDSL0131:transpose(g)|}")]
    [InlineData("p -= {|TDSL0131:sum(lr)|} * g")]
    [InlineData("p -= {|TDSL0131:lr[0]|} * g")]
    [InlineData("p -= {|TDSL0131:sum(g @ transpose(g), neuron)|}")]
    [InlineData("p -= {|TDSL0132:g > 0|}")]
    [InlineData("p -= where(g > 0, {|TDSL0132:g > 1|}, 0)")]
    public void Names_statements_and_shapes(string markup)
    {
        // randn() in a state's initial value is also noise (0250, zero-length marker here is replaced below).
        markup = markup.Replace("{|TDSL0125:randn()|}{|TDSL0250:|}", "{|TDSL0125:{|TDSL0250:randn()|}|}", StringComparison.Ordinal);
        var analysis = Markup.Verify(markup);
        Assert.Null(analysis.Model);
        Assert.All(analysis.Diagnostics, d => Assert.NotNull(DiagnosticCatalog.Find(d.Id)));
    }

    [Fact]
    public void Unknown_names_on_several_lines_are_all_reported()
    {
        Markup.Verify("""
            a = {|TDSL0110:foo|} + g
            b = {|TDSL0111:bar|}(g) + {|TDSL0110:baz|}
            p -= lr * (a + b)
            """);
    }

    [Fact]
    public void Compound_assignment_of_a_state_and_local_reads_are_accepted()
    {
        var analysis = Markup.Verify("state s = 0\ns += g^2\nu = g / (sqrt(s) + eps)\np -= lr * u\ns += 0.5 * s");
        Assert.NotNull(analysis.Model);
    }

    [Fact]
    public void Scalar_hyperparameter_arrays_reductions_and_int_hyperparameters_are_accepted()
    {
        var analysis = Markup.Verify("k = sum(scales) / steps + weights[1]\np -= lr * k * g");
        Assert.NotNull(analysis.Model);
    }

    [Fact]
    public void Every_catalog_entry_has_a_help_anchor_and_a_unique_id_in_its_range()
    {
        var ids = DiagnosticCatalog.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            Assert.Matches("^TDSL0[0-3][0-9][0-9]$", descriptor.Id);
            Assert.Equal("https://github.com/topodsl/topodsl/blob/main/README.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpUri);
            bool warning = string.CompareOrdinal(descriptor.Id, "TDSL0250") >= 0;
            Assert.Equal(warning ? DslSeverity.Warning : DslSeverity.Error, descriptor.Severity);
            Assert.Contains("{0}", descriptor.MessageFormat.Replace("TDSL0120", "", StringComparison.Ordinal) + (descriptor.Id == "TDSL0120" ? "{0}" : ""), StringComparison.Ordinal);
        }
    }
}
