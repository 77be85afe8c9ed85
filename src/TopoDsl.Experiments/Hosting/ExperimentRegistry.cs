using TopoDsl.Experiments.Definitions;

namespace TopoDsl.Experiments.Hosting;

/// <summary>
/// The experiments of the running program. Each generated experiment class registers its definition when its
/// assembly loads (a module initializer), so <see cref="ExperimentApp.Run(string[])"/> finds them without a list to maintain.
/// </summary>
public static class ExperimentRegistry
{
    private static readonly List<ExperimentDefinition> Registered = [];

    /// <summary>Adds an experiment; a second one with the same name (compared ignoring case) is refused.</summary>
    public static void Register(ExperimentDefinition definition)
    {
        lock (Registered)
        {
            if (Registered.Any(d => string.Equals(d.Name, definition.Name, StringComparison.OrdinalIgnoreCase)))
                throw new InvalidOperationException($"two experiments are named '{definition.Name}'");
            Registered.Add(definition);
        }
    }

    /// <summary>Every registered experiment, by name.</summary>
    public static IReadOnlyList<ExperimentDefinition> All
    {
        get
        {
            lock (Registered) return Registered.OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }
    }

    /// <summary>The experiment named <paramref name="name"/> (ignoring case), or null.</summary>
    public static ExperimentDefinition? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
}
