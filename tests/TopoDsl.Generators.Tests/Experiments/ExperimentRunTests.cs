using System.Reflection;
using TopoDsl.Experiments.Definitions;
using TopoDsl.Experiments.Hosting;
using TopoDsl.Experiments.Running;
using TopoDsl.Generators.Tests.Harness;
using TopoDsl.Training.Optimizers;
using static TopoDsl.Generators.Tests.Experiments.ExperimentSources;

namespace TopoDsl.Generators.Tests.Experiments;

/// <summary>
/// The generated experiments compiled in memory and loaded: the definition holds what the attributes declare, the
/// optimizer factory sets the declared hyperparameters, and the verdicts are the rule checker's at the declared
/// values (the same as the compiled rule's own traits). One tiny experiment also runs through its generated Run.
/// </summary>
public class ExperimentRunTests
{
    /// <summary>
    /// A loaded experiment registers itself in the process-wide registry, which refuses a name twice: each test
    /// names its experiment afresh.
    /// </summary>
    private static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static ExperimentDefinition Definition(GeneratedAssembly assembly, string type) =>
        Assert.IsType<ExperimentDefinition>(assembly.Type(type).GetProperty("Definition", BindingFlags.Public | BindingFlags.Static)!.GetValue(null));

    /// <summary>The hyperparameters of each run, built as RunLoop builds them: the rule's defaults, the fixed values, the cell's values.</summary>
    private static List<(RunCell Cell, Dictionary<string, double> Values)> Runs(ExperimentDefinition definition, double k = 1)
    {
        var runs = new List<(RunCell, Dictionary<string, double>)>();
        foreach (var cell in new ResolvedExperiment(definition, quick: false).Cells)
        {
            var values = new Dictionary<string, double>(definition.Optimizer.Defaults);
            foreach (var (name, value) in definition.Hyperparameters) values[name] = value;
            foreach (var (axis, value) in cell.Coordinates) values[axis.Name] = axis.TimesEtaStar ? value / k : value;
            runs.Add((cell, values));
        }
        return runs;
    }

    private static GeneratedAssembly Load(params string[] sources)
    {
        var run = GeneratorHarness.RunExperiments(sources);
        Assert.True(run.Diagnostics.All(d => d.Severity != Microsoft.CodeAnalysis.DiagnosticSeverity.Error), string.Join("\n", run.Diagnostics));
        GoldenTests.AssertCleanCompilation(run);
        return GeneratedAssembly.Load(run);
    }

    [Fact]
    public void An_experiment_on_a_class_with_a_verbatim_name_is_generated_and_registered()
    {
        // '@event' keeps its '@' in the identifier's text, which AddSource refuses in a file name.
        string name = UniqueName("verbatim");
        using var assembly = Load(Experiment(Named($"\"{name}\""), declaration: "public partial class @event"));
        Assert.Equal(name, Definition(assembly, "Demo.event").Name);
        Assert.NotNull(ExperimentRegistry.Find(name));
    }

    [Fact]
    public void Sgd_at_its_declared_step_sizes_is_equivariant_and_lipschitz_and_is_created_with_them()
    {
        string name = UniqueName("sgd");
        using var assembly = Load(Experiment(Named($"\"{name}\"").Replace("[Train(Epochs = 2, BatchSize = 32)]", "[Train(Epochs = 2, BatchSize = 32, Seeds = 2)]", StringComparison.Ordinal),
            "[Sweep(0.0025, 0.003)] public double lr;\npublic double weight_decay = 1e-3;"));

        var definition = Definition(assembly, "Demo.Exp");

        Assert.Equal(name, definition.Name);
        Assert.Equal("Sgd", definition.Optimizer.Name);
        Assert.Equal("lr", definition.Optimizer.StepSize);
        Assert.Equal((double)new TopoDsl.Rules.Sgd().lr, definition.Optimizer.Defaults["lr"]);
        Assert.Equal(1e-3, Assert.Single(definition.Hyperparameters, p => p.Key == "weight_decay").Value);
        var axis = Assert.Single(definition.Sweep);
        Assert.Equal(("lr", false), (axis.Name, axis.TimesEtaStar));
        Assert.Equal([0.0025, 0.003], axis.Values);
        Assert.Equal((2, (int?)null, 32), (definition.Schedule.Epochs, definition.Schedule.Steps, definition.Schedule.BatchSize));
        Assert.Equal([0UL, 1UL], definition.Schedule.Seeds);
        Assert.Equal([0], definition.Tracking.Layers);
        Assert.Equal("MLP 1-16-1, sigmoid, no bias", definition.Network.Description);
        var runs = Runs(definition);
        Assert.Equal(4, runs.Count);
        foreach (var (cell, values) in runs)
        {
            var verdict = definition.Optimizer.Verdict!(values);
            Assert.True(verdict.TheoremApplies, $"{cell.Id}: {string.Join("; ", verdict.Reasons)}");
            Assert.Empty(verdict.Reasons);
            var sgd = Assert.IsType<TopoDsl.Rules.Sgd>(definition.Optimizer.Create(values));
            Assert.Equal((float)values["lr"], sgd.lr);
            Assert.Equal(1e-3f, sgd.weight_decay);
        }
        Assert.Equal([0.0025f, 0.0025f, 0.003f, 0.003f], runs.Select(r => ((TopoDsl.Rules.Sgd)definition.Optimizer.Create(r.Values)).lr));
        // The registration ran when the assembly's module initialised.
        Assert.Same(definition, ExperimentRegistry.Find(name.ToUpperInvariant()));
    }

    [Fact]
    public void A_value_not_declared_has_no_verdict_from_the_build()
    {
        using var assembly = Load(Experiment(Named($"\"{UniqueName("undeclared")}\"")));
        var definition = Definition(assembly, "Demo.Exp");
        var values = Runs(definition)[0].Values;
        values["lr"] = 0.5;

        var verdict = definition.Optimizer.Verdict!(values);

        Assert.False(verdict.TheoremApplies);
        Assert.Contains("not among those checked at build time", Assert.Single(verdict.Reasons), StringComparison.Ordinal);
    }

    public static TheoryData<string> StandardRules => new(Sources.StandardRuleNames);

    [Theory]
    [MemberData(nameof(StandardRules))]
    public void The_verdict_for_a_standard_rule_is_its_compiled_traits(string rule)
    {
        using var assembly = Load(Experiment(Named($"\"{UniqueName(rule)}\"").Replace("typeof(Sgd)", $"typeof({rule})", StringComparison.Ordinal), "[Sweep(1e-3)] public double lr;"));
        var definition = Definition(assembly, "Demo.Exp");
        var traits = typeof(TopoDsl.Rules.Sgd).Assembly.GetType($"TopoDsl.Rules.{rule}+Traits", throwOnError: true)!;
        bool Trait(string name) => (bool)traits.GetField(name)!.GetValue(null)!;
        var reasons = (string[])traits.GetField("LipschitzReasons")!.GetValue(null)!;

        var (_, values) = Assert.Single(Runs(definition));
        var verdict = definition.Optimizer.Verdict!(values);

        Assert.Equal(Trait("Equivariant") && !Trait("EquivariantOnlyInDistribution"), verdict.Equivariant);
        Assert.Equal(Trait("Lipschitz"), verdict.Lipschitz);
        Assert.Equal(reasons, verdict.Reasons);
        var created = definition.Optimizer.Create(values);
        Assert.Equal($"TopoDsl.Rules.{rule}", created.GetType().FullName);
        Assert.Equal(1e-3f, (float)created.GetType().GetField("lr")!.GetValue(created)!);
    }

    [Fact]
    public void SignSgd_is_not_lipschitz_and_its_verdict_carries_the_reason()
    {
        using var assembly = Load(Experiment(Named($"\"{UniqueName("signsgd")}\"").Replace("typeof(Sgd)", "typeof(SignSgd)", StringComparison.Ordinal)));
        var definition = Definition(assembly, "Demo.Exp");

        foreach (var (cell, values) in Runs(definition))
        {
            var verdict = definition.Optimizer.Verdict!(values);
            Assert.True(verdict.Equivariant, cell.Id);
            Assert.False(verdict.Lipschitz, cell.Id);
            Assert.Contains(verdict.Reasons, r => r.Contains("`sign(g)`", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_verdict_depends_on_the_swept_value_and_the_factory_sets_fixed_and_swept_values()
    {
        using var assembly = Load(
            Experiment(Named($"\"{UniqueName("clipped")}\"").Replace("typeof(Sgd)", "typeof(Clipped)", StringComparison.Ordinal),
                "[Sweep(0.01)] public double lr;\n[Sweep(1e-8, 0)] public float eps;\npublic const int warmup = 3;"),
            ClippedRule);
        var definition = Definition(assembly, "Demo.Exp");
        var runs = Runs(definition);

        Assert.Equal(3, Assert.Single(definition.Hyperparameters, p => p.Key == "warmup").Value);
        Assert.Equal([1e-8, 0], definition.Sweep.Single(a => a.Name == "eps").Values);
        Assert.Equal(2, runs.Count);
        var positive = definition.Optimizer.Verdict!(runs.Single(r => r.Values["eps"] > 0).Values);
        var zero = definition.Optimizer.Verdict!(runs.Single(r => r.Values["eps"] == 0).Values);
        Assert.True(positive.TheoremApplies, string.Join("; ", positive.Reasons));
        Assert.True(zero.Equivariant);
        Assert.False(zero.Lipschitz);
        Assert.Contains(zero.Reasons, r => r.Contains("norm(g, neuron)", StringComparison.Ordinal));
        foreach (var (_, values) in runs)
        {
            var clipped = definition.Optimizer.Create(values);
            Assert.Equal("Demo.Clipped", clipped.GetType().FullName);
            Assert.Equal(0.01f, (float)clipped.GetType().GetField("lr")!.GetValue(clipped)!);
            Assert.Equal((float)values["eps"], (float)clipped.GetType().GetField("eps")!.GetValue(clipped)!);
            Assert.Equal(3, (int)clipped.GetType().GetField("warmup")!.GetValue(clipped)!);
        }
    }

    [Fact]
    public void Multiples_of_eta_star_leave_the_verdict_to_the_other_values()
    {
        using var assembly = Load(Experiment(Named($"\"{UniqueName("etastar")}\""), "[SweepTimesEtaStar(0.5, 2)] public double lr;"));
        var definition = Definition(assembly, "Demo.Exp");

        var axis = Assert.Single(definition.Sweep);
        Assert.Equal(("lr", true), (axis.Name, axis.TimesEtaStar));
        Assert.Equal([0.5, 2], axis.Values);
        foreach (double k in new[] { 0.3, 40 })
            foreach (var (cell, values) in Runs(definition, k))
            {
                Assert.True(definition.Optimizer.Verdict!(values).TheoremApplies, cell.Id);
                Assert.Equal((float)values["lr"], ((TopoDsl.Rules.Sgd)definition.Optimizer.Create(values)).lr);
            }
    }

    [Fact]
    public void Beyond_256_combinations_one_verdict_with_the_swept_values_unknown_stands_for_all()
    {
        string values = string.Join(", ", Enumerable.Range(1, 17).Select(i => $"{i}e-3"));
        var sgdRun = GeneratorHarness.RunExperiments(Experiment(Named($"\"{UniqueName("grid")}\""), $"[Sweep({values})] public double lr;\n[Sweep({values})] public double weight_decay;"));
        var clippedRun = GeneratorHarness.RunExperiments(
            Experiment(Named($"\"{UniqueName("clipped-grid")}\"").Replace("typeof(Sgd)", "typeof(Clipped)", StringComparison.Ordinal), $"[Sweep({values})] public double lr;\n[Sweep({values})] public double eps;"),
            ClippedRule);
        using var sgd = GeneratedAssembly.Load(sgdRun);
        using var clipped = GeneratedAssembly.Load(clippedRun);
        var sgdDefinition = Definition(sgd, "Demo.Exp");
        var clippedDefinition = Definition(clipped, "Demo.Exp");

        // Sgd is Lipschitz whatever lr and weight_decay are; a division by norm + eps is not, for an eps the build cannot see.
        Assert.Empty(sgdRun.Diagnostics);
        Assert.Contains("does not apply to `Clipped`: the divisor", Assert.Single(clippedRun.Diagnostics).GetMessage(), StringComparison.Ordinal);
        Assert.Equal(289, Runs(sgdDefinition).Count);
        foreach (var (cell, hyperparameters) in Runs(sgdDefinition).Where((_, i) => i % 37 == 0))
            Assert.True(sgdDefinition.Optimizer.Verdict!(hyperparameters).TheoremApplies, cell.Id);
        // Not a value of the grid: the one verdict covers it too (below 256 combinations it would be "not checked").
        Assert.True(sgdDefinition.Optimizer.Verdict!(new Dictionary<string, double> { ["lr"] = 5, ["weight_decay"] = 7 }).TheoremApplies);
        foreach (var (cell, hyperparameters) in Runs(clippedDefinition).Where((_, i) => i % 37 == 0))
        {
            var verdict = clippedDefinition.Optimizer.Verdict!(hyperparameters);
            Assert.False(verdict.Lipschitz, cell.Id);
            Assert.Contains(verdict.Reasons, r => r.Contains("divisor", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_optimizer_that_is_not_a_rule_has_no_verdict_and_gets_its_properties_and_fields_set()
    {
        using var assembly = Load(
            Experiment(Named($"\"{UniqueName("plain")}\"").Replace("typeof(Sgd)", "typeof(Plain)", StringComparison.Ordinal),
                "[Sweep(0.1, 0.2)] public double lr;\n[Sweep(2, 3)] public int Repeats;\npublic float Momentum = 0.5f;"),
            PlainOptimizer);
        var definition = Definition(assembly, "Demo.Exp");

        Assert.Null(definition.Optimizer.Verdict);
        Assert.Equal(new Dictionary<string, double> { ["lr"] = 0.1, ["Repeats"] = 1 }, definition.Optimizer.Defaults);
        var runs = Runs(definition);
        Assert.Equal(4, runs.Count);
        foreach (var (_, values) in runs)
        {
            var plain = definition.Optimizer.Create(values);
            var type = plain.GetType();
            Assert.Equal(values["lr"], (double)type.GetProperty("lr")!.GetValue(plain)!);
            Assert.Equal((int)values["Repeats"], (int)type.GetProperty("Repeats")!.GetValue(plain)!);
            Assert.Equal(0.5f, (float)type.GetField("Momentum")!.GetValue(plain)!);
        }
    }

    [Fact]
    public void Method_parts_are_called_by_the_definition()
    {
        string name = UniqueName("methods");
        using var assembly = Load(Experiment(Named($"\"{name}\"").Replace("[Mlp(1, 16, 1)]\n", "", StringComparison.Ordinal)
                .Replace("[TeacherStudentData(1)]\n", "", StringComparison.Ordinal).Replace("[InitialNeurons(NeuronShape.FigureEight)]\n", "", StringComparison.Ordinal),
            """
            [Sweep(0.01)] public double lr;
            public static int Built, Loaded, Clouds;

            [Network(Description = "a 1-4-1 tanh network")]
            static Module Build(ulong seed) { Built++; return Mlp.Create(new[] { 1, 4, 1 }, ActivationKind.Tanh, false, seed); }

            [Data]
            static ExperimentData Load(ulong seed)
            {
                Loaded++;
                var data = new TopoDsl.Training.Data.Dataset(new Tensor(new float[] { 0, 1, 2, 3 }, 4, 1), new Tensor(new float[] { 0, 1, 4, 9 }, 4, 1));
                return new ExperimentData(data, data, "four points");
            }

            [InitialNeurons(Layer = 0)]
            static Tensor Cloud(int neurons, int dimension, ulong seed) { Clouds++; return Tensor.Zeros(neurons, dimension); }
            """));
        var type = assembly.Type("Demo.Exp");
        var definition = Definition(assembly, "Demo.Exp");
        int Count(string field) => (int)type.GetField(field)!.GetValue(null)!;

        Assert.Equal("a 1-4-1 tanh network", definition.Network.Description);
        Assert.Equal("Cloud(neurons, dimension, seed)", definition.Initialisation.Name);
        Assert.Equal(0, Count("Built") + Count("Loaded") + Count("Clouds"));
        definition.Network.Create(1);
        Assert.Equal("four points", definition.Data(1).Description);
        Assert.Equal([4, 2], definition.Initialisation.Create!(4, 2, 1).Shape.ToArray());
        Assert.Equal((1, 1, 1), (Count("Built"), Count("Loaded"), Count("Clouds")));
    }

    [Fact]
    public void A_tiny_generated_experiment_runs_through_its_generated_run()
    {
        string name = UniqueName("tiny");
        using var assembly = Load(Experiment($"""
            [Experiment("{name}")]
            [Mlp(1, 8, 1)]
            [TeacherStudentData(1, Samples = 60)]
            [InitialNeurons(NeuronShape.FigureEight)]
            [Optimizer(typeof(Sgd))]
            [Train(Steps = 3, BatchSize = 16)]
            [Track(Checkpoints = 1, SharpnessSamples = 16, MaxPoints = 8, MaxDimension = 1)]
            """, "[SweepTimesEtaStar(0.5)] public double lr;\npublic double weight_decay = 1e-4;"));
        using var folder = new TempFolder();
        var run = assembly.Type("Demo.Exp").GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;

        var results = Assert.IsType<TopoDsl.Experiments.Results.ExperimentResults>(
            run.Invoke(null, [folder.Path, false, null, 1, null, CancellationToken.None]));

        var only = Assert.Single(results.Runs);
        Assert.Equal(name, only.Experiment);
        Assert.Equal(3, only.Steps);
        Assert.True(only.K > 0);
        Assert.Equal(0.5 / only.K, only.Eta, 12);
        Assert.Equal(1e-4, only.Hyperparameters["weight_decay"]);
        Assert.True(only.Certificate.Applies, string.Join("; ", only.Certificate.Reasons));
        Assert.True(System.IO.File.Exists(Path.Combine(folder.Path, "results.json")));
    }
}
