using TopoDsl.Dsl.Binding;

namespace TopoDsl.Dsl.Emit;

/// <summary>
/// The names the generated part of an optimizer class declares, in one place: the writers emit them and the
/// source generator refuses user members that would clash with them (TDSL0004).
/// </summary>
public static class GeneratedMembers
{
    public const string Step = "Step", Traits = "Traits", Threads = "Threads", Seed = "Seed";

    /// <summary>Members of the generated part for <paramref name="model"/>, with what each one is.</summary>
    public static IReadOnlyList<(string Name, string Role)> Of(RuleModel model)
    {
        var members = new List<(string, string)> { (Step, "the IOptimizer method"), (Traits, "the analysis results") };
        if (PlanQueries.IsSplittable(model)) members.Add((Threads, "the thread count"));
        if (PlanQueries.UsesFunction(model, Function.Randn, Function.Rand)) members.Add((Seed, "the noise seed"));
        return members;
    }

    /// <summary>Helper names the generated part may declare (TopoDslStepSlot, _topoDslSeed, ...).</summary>
    public static bool IsHelperName(string name) =>
        name.StartsWith("TopoDsl", StringComparison.Ordinal) || name.StartsWith("_topoDsl", StringComparison.Ordinal);
}
