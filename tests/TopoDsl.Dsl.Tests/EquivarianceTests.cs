using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>TDSL02xx: rules that treat neurons by position are errors at the origin of the taint; noise warns.</summary>
public class EquivarianceTests
{
    [Theory]
    [InlineData("p -= lr * {|TDSL0201:index|} * g")]
    [InlineData("i = {|TDSL0201:index|}\np -= lr * i * g")]
    [InlineData("p -= lr * {|TDSL0202:g[0]|}")]
    [InlineData("p -= lr * {|TDSL0203:roll(g, 1)|}")]
    [InlineData("p -= lr * {|TDSL0204:cumsum(g)|}")]
    [InlineData("p -= lr * {|TDSL0205:sort(g)|}")]
    [InlineData("p -= lr * {|TDSL0206:flip(g)|}")]
    [InlineData("p -= lr * {|TDSL0207:scales|} * g")]
    [InlineData("p -= lr * {|TDSL0207:scales|}")]
    [InlineData("p -= lr * {|TDSL0207:weights|}[{|TDSL0201:index|}]")]
    [InlineData("p -= lr * ({|TDSL0207:scales|} @ g)")]
    [InlineData("p -= lr * {|TDSL0208:(g @ g)|}")]
    [InlineData("p -= lr * {|TDSL0208:(transpose(g) @ transpose(g))|}")]
    [InlineData("u = g @ transpose(g)\np -= lr * {|TDSL0208:(g @ u)|}")]
    public void Positional_forms_are_errors_at_their_origin(string markup)
    {
        var analysis = Markup.Verify(markup);
        Assert.False(analysis.Traits.Equivariant);
        Assert.Null(analysis.Model);
        var (text, spans) = Markup.Parse(markup);
        foreach (var diagnostic in analysis.Diagnostics)
        {
            string fragment = text.Substring(diagnostic.Start, diagnostic.Length);
            Assert.Contains("`" + fragment + "`", diagnostic.Message, StringComparison.Ordinal);
            Assert.Contains("not permutation equivariant", diagnostic.Message, StringComparison.Ordinal);
        }
        Assert.NotEmpty(spans);
    }

    [Fact]
    public void A_product_contracting_rows_with_columns_names_both_axes()
    {
        var analysis = RuleCompiler.Analyze("p -= lr * g @ g", Contexts.Standard);
        var diagnostic = Assert.Single(analysis.Diagnostics);
        Assert.Equal("TDSL0208", diagnostic.Id);
        Assert.Contains("axis C of `lr * g` with axis R of `g`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p -= lr * g @ transpose(g) @ g")]
    [InlineData("p -= lr * transpose(transpose(g) @ g @ transpose(g))")]
    [InlineData("p -= lr * (g @ transpose(g)) @ (g @ transpose(g)) @ g")]
    [InlineData("p -= lr * g / (norm(g, neuron) + eps)")]
    [InlineData("p -= lr * (g - mean(g, neuron)) + wd * sum(scales) * p")]
    [InlineData("p -= lr * weights[0] * g")]
    public void Equivariant_rules_pass(string text)
    {
        var analysis = Markup.Verify(text);
        Assert.True(analysis.Traits.Equivariant);
        Assert.False(analysis.Traits.EquivariantOnlyInDistribution);
        Assert.NotNull(analysis.Model);
    }

    [Theory]
    [InlineData("p -= lr * g + sigma * {|TDSL0250:randn()|}")]
    [InlineData("p -= lr * g * {|TDSL0250:rand()|}")]
    public void Noise_is_equivariant_only_in_distribution(string markup)
    {
        var analysis = Markup.Verify(markup);
        Assert.True(analysis.Traits.Equivariant);
        Assert.True(analysis.Traits.EquivariantOnlyInDistribution);
        Assert.Equal(DslSeverity.Warning, Assert.Single(analysis.Diagnostics).Severity);
        Assert.NotNull(analysis.Model);
    }

    [Fact]
    public void Traits_of_the_library()
    {
        foreach (var rule in RuleLibrary.All)
        {
            var analysis = RuleCompiler.Analyze(rule.Text, rule.Context);
            Assert.False(analysis.HasErrors, rule.Name + ": " + string.Join("\n", analysis.Diagnostics));
            Assert.True(analysis.Traits.Equivariant, rule.Name);
            Assert.Equal(rule == RuleLibrary.NoisySgd, analysis.Traits.EquivariantOnlyInDistribution);
            Assert.Equal(rule == RuleLibrary.Muon, analysis.Traits.NeedsMatrixParameters);
            Assert.Equal(rule == RuleLibrary.NeuronNormalizedSgd, analysis.Traits.UsesNeuronReductions);
        }
    }
}
