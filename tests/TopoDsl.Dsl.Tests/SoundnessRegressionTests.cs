using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>
/// The rules a new user wrote against the packed package that the checker once called Lipschitz, or whose
/// generated code did not compile (issue 9), each with the verdict, code or message it must give now.
/// </summary>
public class SoundnessRegressionTests
{
    private static RuleContext With(params Hyperparameter[] extra) =>
        new(Contexts.Standard.Hyperparameters.Concat(extra).ToEquatableArray());

    [Theory]
    // negative exponents that are not literals divide by a value that reaches 0 at g = 0
    [InlineData("p -= lr * {|TDSL0304:abs(g)|}^(0 - 0.5)")]
    [InlineData("p -= lr * {|TDSL0304:(abs(g) + 0)|}^(-1 * 1)")]
    [InlineData("p -= lr * {|TDSL0304:abs(g)|}^e")]
    // roots and fractional powers have an infinite slope at 0
    [InlineData("p -= lr * {|TDSL0306:sqrt(abs(g))|}")]
    [InlineData("p -= lr * {|TDSL0306:abs(g)^0.3|}")]
    [InlineData("p -= lr * {|TDSL0306:sqrt(g)|}")]
    [InlineData("state v = 0\nv = max(v, g)\np -= lr * g * {|TDSL0306:sqrt(v)|}")]
    // a fractional power of a value that can be negative is NaN; an exponent that varies needs a positive base
    [InlineData("p -= lr * {|TDSL0307:g^1.5|}")]
    [InlineData("p -= lr * {|TDSL0307:abs(g)^g|}")]
    // a double eps of 1e-300 is 0 in float32, and a product of small constants underflows
    [InlineData("p -= lr * g / {|TDSL0304:(abs(g) + tiny)|}")]
    [InlineData("p -= lr * g / {|TDSL0304:(abs(g) + 1e-50)|}")]
    [InlineData("p -= lr * g / {|TDSL0304:(abs(g) + eps * eps * eps * eps)|}")]
    // a constant divisor whose value is unknown, or zero
    [InlineData("p -= lr * g / {|TDSL0304:unknown|}")]
    [InlineData("p -= lr * g / {|TDSL0304:(c - c)|}")]
    // a state that can be negative under a root
    [InlineData("state s = 0\ns -= 0.5 * s\np -= lr * g * {|TDSL0306:sqrt(s)|}")]
    public void Rules_once_called_lipschitz_now_warn_at_the_span(string markup)
    {
        var analysis = Markup.Verify(markup, With(
            Contexts.Float("e", -0.5), new Hyperparameter("tiny", HyperparameterType.Double, 1e-300)));
        Assert.False(analysis.Traits.Lipschitz);
        Assert.NotNull(analysis.Model);
    }

    [Theory]
    // Adamax: u >= 0 by the fixpoint over states, so u + eps is positive
    [InlineData("state u = 0\nu = max(beta2 * u, abs(g))\np -= lr * g / (u + eps)")]
    // v is at least eps right after its update, which is what the division reads
    [InlineData("state v = 0\nv = max(mu * v, g^2 + eps)\np -= lr * g / v")]
    // AMSGrad: a maximum of running means of squares is a square
    [InlineData("state m = 0\nstate v = 0\nstate w = 0\nm = beta1 * m + (1 - beta1) * g\nv = beta2 * v + (1 - beta2) * g * g\nw = max(w, v)\np -= lr * m / (sqrt(w) + eps)")]
    // roots of squares and norms
    [InlineData("p -= lr * sqrt(g^2 + p^2)")]
    [InlineData("p -= lr * (g^2)^0.5")]
    [InlineData("p -= lr * sqrt(sum(g^2, neuron))")]
    [InlineData("p -= lr * abs(g)^1.5")]
    [InlineData("p -= lr * abs(g)^f")]
    [InlineData("p -= lr * sqrt(exp(g))")]
    [InlineData("p -= lr * g / (1 + abs(g))^0.5")]
    [InlineData("p -= lr * g / -2")]
    [InlineData("p -= lr * g / ((abs(g) + eps) / 2)")]
    // a constant of the step is computed in double and rounded once: sqrt(sqrt(1e-50)) is 3.2e-13 in float too
    [InlineData("p -= lr * g / sqrt(sqrt(1e-50))")]
    [InlineData("state s = 0\ns += g^2\np -= lr * g / (sqrt(s) + eps)")]
    public void Rules_that_are_lipschitz_keep_the_verdict(string text)
    {
        var analysis = Markup.Verify(text, With(Contexts.Float("f", 2.5)));
        Assert.True(analysis.Traits.Lipschitz, string.Join("\n", analysis.Traits.LipschitzReasons));
    }

    /// <summary>Lipschitz rules the check still warns on, as the README lists them: conservative, never wrong.</summary>
    [Theory]
    [InlineData("state s = 0\ns += g^2\ns -= 0.5 * s\np -= lr * g * {|TDSL0306:sqrt(s)|}")]
    [InlineData("state v = 1\nv = 0.999 * v\np -= lr * g / {|TDSL0304:v|}")]
    [InlineData("l = 0.5\np -= lr * {|TDSL0307:abs(g)^l|}")]
    [InlineData("p -= lr * g / {|TDSL0304:(abs(g) + small)|}")]
    [InlineData("p -= lr * where(t > 1, g / {|TDSL0304:(t - 1)|}, g)")]
    [InlineData("p -= lr * {|TDSL0303:where({|TDSL0250:rand()|} > 0.5, g, 0)|}")]
    public void Conservative_cases_listed_in_the_readme_still_warn(string markup) =>
        Assert.False(Markup.Verify(markup, With(new Hyperparameter("small", HyperparameterType.Double, 1e-40))).Traits.Lipschitz);

    [Fact]
    public void A_where_whose_branches_meet_through_a_function_of_zero_is_continuous()
    {
        // sqrt(0) = 0: the where does not jump; the root of a value that can be negative still warns, once
        var analysis = Markup.Verify("p -= lr * where(g > 0, {|TDSL0306:sqrt(g)|}, 0)");
        Assert.Contains("can be negative: sqrt of a negative number is NaN", analysis.Diagnostics.Single().Message, StringComparison.Ordinal);
        Assert.True(Markup.Verify("p -= lr * where(g > 0, sqrt(g^2), abs(0))").Traits.Lipschitz);
    }

    [Fact]
    public void A_double_hyperparameter_is_read_as_float32_reads_it()
    {
        var tiny = RuleCompiler.Analyze("p -= g / (abs(g) + e)", Contexts.Of(new Hyperparameter("e", HyperparameterType.Double, 1e-300)));
        var small = RuleCompiler.Analyze("p -= g / (abs(g) + e)", Contexts.Of(new Hyperparameter("e", HyperparameterType.Double, 1e-8)));
        Assert.False(tiny.Traits.Lipschitz);
        Assert.True(small.Traits.Lipschitz);
    }

    [Theory]
    [InlineData("p -= lr * weights[{|TDSL0133:1e10|}] * g", "10000000000")]
    [InlineData("p -= lr * weights[{|TDSL0133:0 - 1|}] * g", "-1")]
    [InlineData("p -= lr * weights[{|TDSL0133:0.5|}] * g", "0.5")]
    [InlineData("p -= lr * scales[{|TDSL0133:c / 4|}] * g", "0.25")]
    public void An_array_index_that_is_not_a_whole_number_in_range_is_an_error(string markup, string value)
    {
        var analysis = Markup.Verify(markup);
        Assert.Null(analysis.Model);
        Assert.Contains("is " + value + ";", analysis.Diagnostics.Single().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p -= lr * sum({|TDSL0131:weights * 2|}) * g")]
    [InlineData("p -= lr * {|TDSL0131:sqrt(scales)|}[0] * g")]
    [InlineData("l = {|TDSL0131:scales|}\np -= lr * sum(l) * g")]
    public void Arithmetic_on_a_whole_hyperparameter_array_is_an_error_instead_of_code_that_does_not_compile(string markup)
    {
        Assert.Null(Markup.Verify(markup).Model);
    }
}
