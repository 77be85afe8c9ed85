using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>The models are values: the source generator's incremental pipeline caches on their equality.</summary>
public class ModelTests
{
    [Theory]
    [MemberData(nameof(RuleLibrary.Names), MemberType = typeof(RuleLibrary))]
    public void Analysing_the_same_rule_twice_gives_equal_models(string name)
    {
        var rule = RuleLibrary.Named(name);
        var first = RuleCompiler.Analyze(rule.Text, rule.Context);
        var second = RuleCompiler.Analyze(new string(rule.Text.ToCharArray()), new RuleContext(rule.Hyperparameters.ToArray()));
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotNull(first.Model);
    }

    [Fact]
    public void Different_rules_or_contexts_give_different_analyses()
    {
        var a = RuleCompiler.Analyze("p -= lr * g", Contexts.Of(Contexts.Float("lr", 0.1)));
        Assert.NotEqual(a, RuleCompiler.Analyze("p -= lr * g ", Contexts.Of(Contexts.Float("lr", 0.1))));
        Assert.NotEqual(a.Model, RuleCompiler.Analyze("p -= lr * g", Contexts.Of(new Hyperparameter("lr", HyperparameterType.Double, 0.1))).Model);
        Assert.NotEqual(new RuleContext(new[] { Contexts.Float("lr", 0.1) }), new RuleContext(new[] { Contexts.Float("lr", 0.2) }));
    }

    [Fact]
    public void Equatable_arrays_compare_by_content()
    {
        Assert.Equal(EquatableArray<int>.Empty, default);
        Assert.Equal(EquatableArray.Create(1, 2, 3), new EquatableArray<int>(new List<int> { 1, 2, 3 }));
        Assert.Equal(EquatableArray.Create(1, 2, 3).GetHashCode(), EquatableArray.Create(1, 2, 3).GetHashCode());
        Assert.NotEqual(EquatableArray.Create(1, 2, 3), EquatableArray.Create(1, 2));
        Assert.NotEqual(EquatableArray.Create(1, 2, 3), EquatableArray.Create(1, 3, 2));
        Assert.Empty(EquatableArray<string>.Empty);
        var source = new[] { 1, 2 };
        var array = new EquatableArray<int>(source);
        source[0] = 9;
        Assert.Equal(1, array[0]); // a copy: the model cannot change behind the cache
    }

    [Fact]
    public void Emit_returns_null_for_a_rule_with_errors_and_code_for_warnings_only()
    {
        var target = OptimizerCompiler.Target("X");
        Assert.Null(RuleCompiler.Emit(RuleCompiler.Analyze("p -= roll(g, 1)", Contexts.Standard), target));
        var warned = RuleCompiler.Analyze("p -= lr * sign(g)", Contexts.Standard);
        Assert.NotEmpty(warned.Diagnostics);
        Assert.NotNull(RuleCompiler.Emit(warned, target));
    }
}
