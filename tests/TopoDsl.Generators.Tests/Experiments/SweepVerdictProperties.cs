using TopoDsl.Dsl;
using TopoDsl.Generators.Experiments;
using TopoDsl.Generators.Tests.Properties;

namespace TopoDsl.Generators.Tests.Experiments;

/// <summary>
/// The sweep's verdicts take a shortcut: when the theorem applies with the swept values unknown, every combination
/// gets that verdict without its own analysis. On random rules, each combination's verdict must then be what the
/// rule checker says at those values: the shortcut may never call a combination Lipschitz and equivariant that
/// its own analysis does not.
/// </summary>
public class SweepVerdictProperties
{
    [Fact]
    public void A_verdict_given_to_a_combination_is_the_rule_checkers_verdict_at_its_values()
    {
        var rules = new RandomRules(20261204);
        int checkedCombinations = 0, applying = 0;
        for (int n = 0; n < 400; n++)
        {
            var rule = rules.Next(n);
            var scalars = rule.Hyperparameters.Where(h => h.Array is null && h.Type is HyperparameterType.Float or HyperparameterType.Double).ToList();
            if (scalars.Count == 0) continue;
            var all = rule.Hyperparameters.Select(h => new Hyperparameter(h.Name, h.Type, h.Array is null ? h.Value : null)).ToList();
            var swept = scalars[n % scalars.Count];
            double[] values = [swept.Value, 0, -swept.Value, swept.Value * 1e6 + 1, 1e-9];
            var distinct = values.Distinct().ToArray();
            var verdicts = OptimizerReader.Verdicts(rule.Text, all, [], [new SweepModel(swept.Name, distinct.ToEquatableArray(), TimesEtaStar: false)]);
            Assert.Equal(distinct.Length, verdicts.Count);
            foreach (var (value, verdict) in distinct.Zip(verdicts))
            {
                var at = all.Select(h => h.Name == swept.Name ? h with { DefaultValue = value } : h).ToEquatableArray();
                var analysis = RuleCompiler.Analyze(rule.Text, new RuleContext(at));
                bool applies = !analysis.HasErrors && analysis.Traits.Equivariant && !analysis.Traits.EquivariantOnlyInDistribution && analysis.Traits.Lipschitz;
                Assert.True(applies == (verdict.Equivariant && verdict.Lipschitz), $"{swept.Name} = {value}: the sweep says {verdict}, the checker {applies}\n{rule}");
                Assert.Equal(OptimizerReader.Key([value]), verdict.Key);
                checkedCombinations++;
                if (applies) applying++;
            }
        }
        Assert.True(checkedCombinations > 500 && applying > 50, $"{checkedCombinations} combinations checked, {applying} applying: too few to say much");
    }
}
