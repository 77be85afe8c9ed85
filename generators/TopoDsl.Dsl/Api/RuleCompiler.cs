using TopoDsl.Dsl.Analysis;
using TopoDsl.Dsl.Analysis.Slopes;
using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Emit;
using TopoDsl.Dsl.Planning;
using TopoDsl.Dsl.Syntax;

namespace TopoDsl.Dsl;

/// <summary>The façade the source generator calls: parse and analyse a rule, then emit its optimizer.</summary>
public static class RuleCompiler
{
    public static RuleAnalysis Analyze(string ruleText, RuleContext context)
    {
        ruleText ??= "";
        context ??= RuleContext.Empty;
        var diagnostics = new DiagnosticBag(ruleText);
        var statements = Parser.Parse(ruleText, diagnostics);
        var rule = Binder.Bind(statements, context, diagnostics);
        var facts = AbstractInterpreter.Run(rule, context, diagnostics);
        var sorted = diagnostics.ToSortedArray();
        var traits = TraitsOf(sorted, facts, passes: 0);
        if (diagnostics.HasErrors) return new RuleAnalysis(null, sorted, traits);

        var (plan, states) = Planner.Plan(rule, facts);
        traits = traits with { Passes = plan.Passes };
        var model = new RuleModel(ruleText, UsedHyperparameters(rule, context), states, rule.Statements, plan, traits);
        return new RuleAnalysis(model, sorted, traits);
    }

    /// <summary>
    /// A bound K on the slope of the parameter after <see cref="SlopeQuery.Steps"/> steps in its start value and every
    /// step's gradient (|change| &lt;= K * the largest change of any input), for inputs in the query's box; infinity
    /// where none can be shown. Finite for every rule whose <see cref="RuleTraits.Lipschitz"/> is true.
    /// </summary>
    public static SlopeBound BoundSlope(string ruleText, RuleContext context, SlopeQuery query)
    {
        var diagnostics = new DiagnosticBag(ruleText ?? "");
        var rule = Binder.Bind(Parser.Parse(ruleText ?? "", diagnostics), context, diagnostics);
        if (diagnostics.HasErrors) throw new ArgumentException("the rule has errors: " + string.Join("; ", diagnostics.Items), nameof(ruleText));
        return SlopeInterpreter.Bound(rule, context, query);
    }

    /// <summary>C# source of the partial optimizer class, or null when the analysis reported errors.</summary>
    public static string? Emit(RuleAnalysis analysis, EmitTarget target)
    {
        if (analysis?.Model is not { } model || analysis.HasErrors || target is null) return null;
        return OptimizerWriter.Write(model, target);
    }

    private static RuleTraits TraitsOf(EquatableArray<DslDiagnostic> diagnostics, AnalysisFacts facts, int passes)
    {
        bool equivariant = !diagnostics.Any(d => IsInRange(d.Id, 200, 249));
        var lipschitzReasons = diagnostics.Where(d => IsInRange(d.Id, 300, 399)).Select(d => d.Message).ToEquatableArray();
        return new RuleTraits(
            Equivariant: equivariant,
            EquivariantOnlyInDistribution: equivariant && facts.UsesNoise,
            Lipschitz: lipschitzReasons.Count == 0,
            LipschitzReasons: lipschitzReasons,
            NeedsMatrixParameters: facts.UsesMatrixForms,
            UsesNeuronReductions: facts.UsesNeuronReductions,
            Passes: passes);
    }

    private static bool IsInRange(string id, int low, int high) =>
        id.StartsWith("TDSL", StringComparison.Ordinal) && int.TryParse(id.Substring(4), out int number) && number >= low && number <= high;

    private static EquatableArray<Hyperparameter> UsedHyperparameters(BoundRule rule, RuleContext context)
    {
        var expressions = rule.States.Select(s => s.Initial).Concat(rule.Statements.Select(s => s.Value));
        var names = expressions.SelectMany(Tree.PreOrder).OfType<BoundHyperparameter>().Select(h => h.Name).Distinct().ToList();
        return names.Select(name => context.Hyperparameters.First(h => h.Name == name)).ToEquatableArray();
    }
}
