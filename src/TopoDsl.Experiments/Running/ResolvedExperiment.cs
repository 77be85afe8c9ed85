using System.Globalization;
using TopoDsl.Experiments.Definitions;

namespace TopoDsl.Experiments.Running;

/// <summary>An experiment as one invocation runs it: full or quick, with its seeds, and the cells that follow.</summary>
public sealed class ResolvedExperiment
{
    /// <summary>Applies <c>--quick</c> and <c>--seeds N</c> to <paramref name="definition"/>.</summary>
    public ResolvedExperiment(ExperimentDefinition definition, bool quick, int? seeds = null)
    {
        Definition = definition;
        IsQuick = quick;
        Network = quick && definition.Quick.Network is { } small ? small : definition.Network;
        var schedule = definition.Schedule;
        if (quick)
            schedule = schedule with
            {
                Epochs = definition.Quick.Epochs ?? schedule.Epochs,
                Steps = definition.Quick.Steps ?? (definition.Quick.Epochs is null ? schedule.Steps : null),
                Seeds = definition.Quick.Seeds is int n ? schedule.Seeds.Take(n).ToList() : schedule.Seeds,
            };
        if (seeds is int count)
        {
            if (count < 1) throw new ArgumentOutOfRangeException(nameof(seeds), count, "--seeds must be 1 or more");
            // The declared seeds first, then the next integers after the largest, so --seeds N extends rather than replaces.
            var list = schedule.Seeds.Take(count).ToList();
            ulong next = schedule.Seeds.Count == 0 ? 0 : schedule.Seeds.Max() + 1;
            while (list.Count < count) list.Add(next++);
            schedule = schedule with { Seeds = list };
        }
        Schedule = schedule;
        Cells = RunCell.Grid(definition.Sweep, schedule.Seeds);
    }

    /// <summary>The declaration.</summary>
    public ExperimentDefinition Definition { get; }

    /// <summary>Whether <c>--quick</c> is in force.</summary>
    public bool IsQuick { get; }

    /// <summary>The network this invocation trains.</summary>
    public NetworkChoice Network { get; }

    /// <summary>The schedule this invocation trains on.</summary>
    public Schedule Schedule { get; }

    /// <summary>Every run, in order.</summary>
    public IReadOnlyList<RunCell> Cells { get; }

    /// <summary>
    /// A stable key of <paramref name="cell"/>: the first 12 hex digits of SHA-256 over the experiment's name, its
    /// fingerprint and the cell's id, so that the same cell of the same declaration has the same key on every machine.
    /// </summary>
    public string CellKey(RunCell cell) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Definition.Name}\n{Fingerprint}\n{cell.Id}")))[..12];

    /// <summary>
    /// What must match for a resumed run to continue: the declaration, quick or not, the network, the schedule and
    /// the tracking. Two invocations with equal fingerprints produce the same runs.
    /// </summary>
    public string Fingerprint
    {
        get
        {
            // Records print their numbers in the current culture: fix it, so that a folder resumes under any locale.
            var culture = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            try
            {
                return Describe();
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        }
    }

    private string Describe() => string.Join("\n",
        $"experiment {Definition.Name}", $"declaration {Definition.Declaration}", $"quick {IsQuick}", $"network {Network.Description}",
        $"schedule epochs={Schedule.Epochs} steps={Schedule.Steps} batch={Schedule.BatchSize}{(Schedule.SharedInitialisation ? " shared-initialisation" : "")}",
        $"optimizer {Definition.Optimizer.Name} {string.Join(",", Definition.Hyperparameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}"))}",
        $"sweep {string.Join(";", Definition.Sweep.Select(a => $"{a.Name}{(a.TimesEtaStar ? "*etastar" : "")}={string.Join(",", a.Values.Select(v => v.ToString("R")))}"))}",
        $"initialisation {Definition.Initialisation.Name} layer {Definition.Initialisation.Layer}",
        $"tracking {Definition.Tracking with { Layers = [] }} layers {string.Join(",", Definition.Tracking.Layers)}",
        // Of the landscape analyses only what the runs save: their settings are checked per analysis (analyses/*/settings.txt).
        $"landscape networks={Definition.Landscape.Any} path-every={Definition.Landscape.Homotopy?.Every.ToString(CultureInfo.InvariantCulture) ?? "none"}");
}
