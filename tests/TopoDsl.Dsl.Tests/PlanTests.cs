using TopoDsl.Dsl.Planning;
using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>How rules are scheduled: passes over the parameter, vectorised passes, hoisted scalars.</summary>
public class PlanTests
{
    private static ExecutionPlan Plan(string text) =>
        RuleCompiler.Analyze(text, Contexts.Standard).Model?.Plan ?? throw new InvalidOperationException("rule has errors");

    [Theory]
    [InlineData("p -= lr * g", 1)]
    [InlineData("state m = 0\nstate v = 0\nm = beta1 * m + (1 - beta1) * g\nv = beta2 * v + (1 - beta2) * g^2\np -= lr * m / (sqrt(v) + eps)", 1)]
    [InlineData("p -= lr * g / (norm(g, neuron) + eps)", 2)]
    [InlineData("p -= lr * g / (norm(g) + eps) + wd * mean(p) + sum(g, neuron)", 2)]
    [InlineData("n = norm(g)\nstate m = 0\nm = beta * m + g\np -= lr * m / (n + eps)", 2)]
    [InlineData("p -= lr * sum(g / (norm(g) + eps)) * g", 3)]
    [InlineData("p -= lr * (g @ transpose(g) @ g)", 1)]
    [InlineData("n = norm(g)\nstate m = 0\nm = beta * m + g\np -= lr * sum(g / (n + eps)) * m / (n + eps)", 3)]
    [InlineData("state m = 0\nm = beta * m + g\np -= lr * (m @ transpose(m) @ m)", 2)]
    public void Passes(string text, int passes)
    {
        var analysis = RuleCompiler.Analyze(text, Contexts.Standard);
        Assert.Equal(passes, analysis.Traits.Passes);
        Assert.Equal(passes, analysis.Model!.Plan.Ops.OfType<ElementPass>().Count());
    }

    [Fact]
    public void Scalars_that_do_not_depend_on_the_entry_are_hoisted_once_per_step()
    {
        var plan = Plan("p -= lr * (g / (1 - beta1^t)) / (sqrt(g^2 / (1 - beta2^t)) + eps)");
        Assert.Equal(2, plan.StepScalars.Count);
        var pass = Assert.IsType<ElementPass>(Assert.Single(plan.Ops));
        var update = Assert.IsType<UpdateParameterStep>(Assert.Single(pass.Steps));
        Assert.DoesNotContain(Binding.Tree.PreOrder(update.Value), n => n is Binding.BoundBuiltin { Kind: Binding.Builtin.Step });
    }

    [Fact]
    public void A_reduction_feeds_a_slot_scalar_computed_between_passes()
    {
        var plan = Plan("p -= lr * g / (norm(g) + eps)");
        Assert.Collection(plan.Ops,
            op => Assert.IsType<AccumulateStep>(Assert.Single(Assert.IsType<ElementPass>(op).Steps)),
            op => Assert.IsType<SlotScalarOp>(op),
            op => Assert.True(Assert.IsType<ElementPass>(op).Vectorizable));
    }

    [Theory]
    [InlineData("p -= lr * where(g > 0, g, 0.01 * g) + clamp(p, -c, c) - relu(g) + min(g, p) / max(abs(g), eps)^2", true)]
    [InlineData("p -= lr * g * g^-1 + sqrt(g^2)^3", true)]
    [InlineData("p -= lr * exp(g)", false)]
    [InlineData("p -= lr * g + sigma * randn()", false)]
    [InlineData("p -= lr * g^beta", false)]
    [InlineData("p -= lr * g / (norm(g, neuron) + eps)", false)]
    public void Vectorised_passes(string text, bool vectorised) =>
        Assert.Equal(vectorised, Plan(text).Ops.OfType<ElementPass>().Last().Vectorizable);

    [Fact]
    public void A_local_read_in_a_later_pass_is_stored_in_a_buffer()
    {
        var plan = Plan("u = g * 2\np -= lr * u / (norm(u) + eps)");
        var first = Assert.IsType<ElementPass>(plan.Ops[0]);
        var local = Assert.IsType<DefineLocalStep>(first.Steps[0]);
        Assert.NotNull(local.Buffer);
        Assert.Single(plan.Buffers);
    }
}
