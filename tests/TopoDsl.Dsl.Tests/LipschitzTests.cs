using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>TDSL03xx: where a rule cannot be Lipschitz in (p, g), with the reason; and rules that are.</summary>
public class LipschitzTests
{
    [Theory]
    [InlineData("p -= lr * {|TDSL0301:sign(g)|}")]
    [InlineData("state m = 0\nm = beta * m + g\np -= lr * {|TDSL0301:sign(m)|}")]
    [InlineData("p -= lr * {|TDSL0302:floor(g)|}")]
    [InlineData("p -= lr * {|TDSL0302:round(g * 10)|} / 10")]
    [InlineData("p -= lr * {|TDSL0303:where(g > 0, 1, 0)|}")]
    [InlineData("p -= lr * {|TDSL0303:where(g > c, g, 0)|}")]
    [InlineData("p -= lr * g / {|TDSL0304:norm(g)|}")]
    [InlineData("state m = 0\nstate v = 0\np -= lr * m / {|TDSL0304:sqrt(v)|}")]
    [InlineData("p -= lr * g / {|TDSL0304:(norm(g) + zero)|}")]
    [InlineData("p -= lr * g / {|TDSL0304:(norm(g) + unknown)|}")]
    [InlineData("p -= lr * g / {|TDSL0304:exp(g)|}")]
    [InlineData("p -= lr * g * {|TDSL0304:abs(g)|}^-1")]
    [InlineData("p -= lr * g / {|TDSL0304:{|TDSL0250:rand()|}|}")]
    [InlineData("p -= lr * log({|TDSL0305:abs(g)|})")]
    [InlineData("p -= lr * log({|TDSL0305:g|})")]
    // bias corrections whose sign the constants cannot settle give no lower bound
    [InlineData("state v = 0\nv = beta2 * v + (1 - beta2) * g^2\np -= lr * g / {|TDSL0304:(sqrt(v) / {|TDSL0304:sqrt(1 - c^t)|} + eps)|}")]
    [InlineData("state v = 0\nv = beta2 * v + (1 - beta2) * g^2\np -= lr * g / {|TDSL0304:(sqrt(v) / {|TDSL0304:(1 - {|TDSL0307:unknown^t|})|} + eps)|}")]
    [InlineData("state v = 0\nv = beta2 * v + (1 - beta2) * g^2\np -= lr * g / {|TDSL0304:(sqrt(v) / sqrt(1 - beta2^t) - eps)|}")]
    public void Non_lipschitz_forms_warn_with_the_reason(string markup)
    {
        var analysis = Markup.Verify(markup);
        Assert.False(analysis.Traits.Lipschitz);
        Assert.NotNull(analysis.Model); // warnings only: the optimizer is still generated
        Assert.All(analysis.Traits.LipschitzReasons, reason =>
            Assert.Contains("topology-preservation guarantee (P2-K) does not apply at any step size", reason, StringComparison.Ordinal));
        var (text, _) = Markup.Parse(markup);
        foreach (var diagnostic in analysis.Diagnostics.Where(d => d.Id.StartsWith("TDSL03", StringComparison.Ordinal)))
            Assert.Contains("`" + text.Substring(diagnostic.Start, diagnostic.Length) + "`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p -= lr * g / (norm(g) + eps)")]
    [InlineData("p -= lr * g / (norm(g, neuron) + eps)")]
    [InlineData("p -= lr * g / (1 - beta1^t)")]
    [InlineData("p -= lr * g / (sqrt(g^2) + eps)")]
    [InlineData("p -= lr * g / (exp(g) + 1)")]
    [InlineData("p -= lr * g / max(norm(g), eps)")]
    [InlineData("p -= lr * g / clamp(abs(g), eps, 1)")]
    [InlineData("p -= lr * g / (sigmoid(g) + eps)")]
    [InlineData("p -= lr * g / (sigma + {|TDSL0250:rand()|})")]
    [InlineData("p -= lr * log(abs(g) + eps)")]
    [InlineData("p -= lr * where(g > 0, g, 0)")]
    [InlineData("p -= lr * where(g > 0, g, 0.01 * g)")]
    [InlineData("p -= lr * where(g > c, g - c, 0)")]
    [InlineData("p -= lr * where(g <= 0, 0, g)")]
    [InlineData("p -= lr * where(lr > 0, sign(lr), 0) * g")]
    [InlineData("p -= lr * sign(lr - 1) * g")]
    [InlineData("p -= lr * tanh(g) / (steps + 1)")]
    // torch.optim.Adam's order: a bias correction 1 - beta2^t (0 < beta2 < 1, t >= 1) is a positive constant
    [InlineData("state v = 0\nv = beta2 * v + (1 - beta2) * g^2\np -= lr * g / (sqrt(v) / sqrt(1 - beta2^t) + eps)")]
    [InlineData("state m = 0\nstate v = 0\nv = v + g^2\np -= lr / (1 - beta1^t) * m / (sqrt(v) / (2 - beta^(t + 1)) + eps)")]
    public void Lipschitz_rules_pass(string text)
    {
        var analysis = Markup.Verify(text);
        Assert.True(analysis.Traits.Lipschitz, string.Join("\n", analysis.Traits.LipschitzReasons));
        Assert.Empty(analysis.Traits.LipschitzReasons);
    }

    [Theory]
    [InlineData("Sgd", true)]
    [InlineData("Momentum", true)]
    [InlineData("Nesterov", true)]
    [InlineData("Adam", true)]
    [InlineData("AdamW", true)]
    [InlineData("RmsProp", true)]
    [InlineData("Adagrad", true)]
    [InlineData("Lion", false)]
    [InlineData("SignSgd", false)]
    [InlineData("NeuronNormalizedSgd", true)]
    [InlineData("NormalizedSgd", false)]
    [InlineData("Muon", true)]
    [InlineData("NoisySgd", true)]
    [InlineData("ClippedSgd", true)]
    public void Library_rules(string name, bool lipschitz)
    {
        var rule = RuleLibrary.Named(name);
        var analysis = RuleCompiler.Analyze(rule.Text, rule.Context);
        Assert.Equal(lipschitz, analysis.Traits.Lipschitz);
        Assert.Equal(lipschitz, analysis.Diagnostics.All(d => !d.Id.StartsWith("TDSL03", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_hyperparameter_without_a_default_is_not_assumed_positive()
    {
        var withDefault = RuleCompiler.Analyze("p -= g / (norm(g) + e)", Contexts.Of(Contexts.Float("e", 1e-8)));
        var withoutDefault = RuleCompiler.Analyze("p -= g / (norm(g) + e)", Contexts.Of(Contexts.Float("e", null)));
        var negative = RuleCompiler.Analyze("p -= g / (norm(g) + e)", Contexts.Of(Contexts.Float("e", -1)));
        Assert.True(withDefault.Traits.Lipschitz);
        Assert.False(withoutDefault.Traits.Lipschitz);
        Assert.False(negative.Traits.Lipschitz);
    }
}
