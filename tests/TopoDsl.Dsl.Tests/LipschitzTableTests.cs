using TopoDsl.Dsl.Analysis;
using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>
/// The Lipschitz check is derived from one table (<see cref="LipschitzRules"/>): every operation of the language
/// has a row, and every row with a requirement is shown both breached (its diagnostic, at its span) and met.
/// </summary>
public class LipschitzTableTests
{
    /// <summary>For each requirement: a rule that breaches it (markup) and one that meets it.</summary>
    private static readonly Dictionary<LipschitzRequirement, (string Breached, string Met)> Samples = new()
    {
        [LipschitzRequirement.ArgumentConstant] = ("p -= lr * {|TDSL0301:sign(g)|}", "p -= lr * sign(lr) * g"),
        [LipschitzRequirement.DivisorAwayFromZero] = ("p -= lr * g / {|TDSL0304:abs(g)|}", "p -= lr * g / (abs(g) + eps)"),
        [LipschitzRequirement.ArgumentPositive] = ("p -= lr * log({|TDSL0305:abs(g)|})", "p -= lr * log(abs(g) + eps)"),
        [LipschitzRequirement.RootOfSquare] = ("p -= lr * {|TDSL0306:sqrt(abs(g))|}", "p -= lr * sqrt(g^2)"),
        [LipschitzRequirement.PowerDomain] = ("p -= lr * {|TDSL0307:g^1.5|}", "p -= lr * abs(g)^1.5"),
        [LipschitzRequirement.BranchesAgree] = ("p -= lr * {|TDSL0303:where(g > 0, 1, 0)|}", "p -= lr * where(g > 0, g, 0)"),
    };

    [Fact]
    public void Every_operator_function_and_reduction_has_a_row()
    {
        var operations = LipschitzRules.All.Select(r => r.Operation).ToList();
        Assert.Equal(Enum.GetValues<Syntax.BinaryOperator>().Length + Enum.GetValues<Function>().Length + Enum.GetValues<ReductionKind>().Length, operations.Count);
        Assert.All(LipschitzRules.All, row => Assert.Equal(row.Requirement == LipschitzRequirement.None, row.Diagnostic is null));
    }

    [Fact]
    public void Every_requirement_in_the_table_has_a_breached_and_a_met_sample()
    {
        var requirements = LipschitzRules.All.Select(r => r.Requirement).Where(r => r != LipschitzRequirement.None).Distinct();
        Assert.Equal(requirements.OrderBy(r => r), Samples.Keys.OrderBy(r => r));
        foreach (var (requirement, (breached, met)) in Samples)
        {
            var row = LipschitzRules.All.First(r => r.Requirement == requirement);
            var warned = Markup.Verify(breached);
            Assert.Contains(warned.Diagnostics, d => d.Id == row.Diagnostic!.Id);
            Assert.False(warned.Traits.Lipschitz);
            var accepted = Markup.Verify(met);
            Assert.True(accepted.Traits.Lipschitz, requirement + ": " + string.Join("; ", accepted.Traits.LipschitzReasons));
        }
    }

    [Theory]
    [MemberData(nameof(RuleLibrary.Names), MemberType = typeof(RuleLibrary))]
    public void The_slope_bound_is_finite_exactly_for_the_library_rules_called_lipschitz(string name)
    {
        var rule = RuleLibrary.Named(name);
        var traits = RuleCompiler.Analyze(rule.Text, rule.Context).Traits;
        var bound = RuleCompiler.BoundSlope(rule.Text, rule.Context, new SlopeQuery(1, 3, 3, 4));
        Assert.Equal(traits.Lipschitz, bound.Slope < double.PositiveInfinity);
    }

    [Theory]
    [InlineData("p -= lr * g", 1, 1.1)]          // |dp'| <= |dp| + lr |dg|
    [InlineData("p -= lr * g", 3, 1.3)]          // three gradients, each once
    [InlineData("p = 0.5 * p + tanh(g)", 1, 1.5)]
    [InlineData("p -= lr * sum(g)", 1, 2.2)]     // 12 entries: 1 + 0.1 * 12
    public void The_slope_bound_of_simple_rules_is_the_exact_constant(string text, int steps, double expected)
    {
        var bound = RuleCompiler.BoundSlope(text, Contexts.Of(Contexts.Float("lr", 0.1)), new SlopeQuery(1, steps, 3, 4));
        Assert.Equal(expected, bound.Slope, 5);
        Assert.True(bound.StaysInFloatRange);
    }

    [Theory]
    [InlineData("p -= lr * sqrt(abs(g))")]
    [InlineData("p -= lr * g / abs(g)")]
    [InlineData("p -= lr * sign(g)")]
    [InlineData("p -= lr * where(g > 0, 1, 0)")]
    public void The_slope_bound_of_a_breach_is_infinite(string text)
    {
        var bound = RuleCompiler.BoundSlope(text, Contexts.Of(Contexts.Float("lr", 0.1)), new SlopeQuery(1, 2, 3, 4));
        Assert.Equal(double.PositiveInfinity, bound.Slope);
    }
}
