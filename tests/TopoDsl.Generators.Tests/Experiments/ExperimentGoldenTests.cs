using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoDsl.Generators.Tests.Harness;

namespace TopoDsl.Generators.Tests.Experiments;

/// <summary>
/// The generated code of representative experiments, against Experiments/Golden/&lt;Name&gt;.g.cs.txt; each also
/// compiles with the declaration with no error and no warning in the generated file. The experiments of
/// examples/TopologicalInvariance build cleanly too.
/// </summary>
public class ExperimentGoldenTests
{
    public static TheoryData<string, string, string> Experiments => new()
    {
        // The paper's 2-D experiment, shaped as examples/TopologicalInvariance declares it but with a [Quick] that also sets
        // Neurons (the example's keeps all 1024): [Sweep] of lr, every part an attribute.
        { "FigureEight", "TopologicalInvariance.FigureEight.Experiment.g.cs", """
            using TopoDsl.Experiments;
            using TopoDsl.Rules;

            namespace TopologicalInvariance;

            [Experiment(Description = "figure-eight neurons under SGD at the paper's small (0.0025) and large (0.003) step sizes")]
            [Mlp(1, 1024, 1)]
            [TeacherStudentData(inputs: 1)]
            [InitialNeurons(NeuronShape.FigureEight)]
            [Optimizer(typeof(Sgd))]
            [Train(Epochs = 100, BatchSize = 128, Seeds = 3)]
            [Track(Coordinates = CloudCoordinates.Standardized)]
            [Quick(Neurons = 512, Epochs = 20, Seeds = 1)]
            public partial class FigureEight
            {
                [Sweep(0.0025, 0.003)] public double lr;
            }
            """ },
        // Every part a method, the step size in multiples of eta*, a fixed hyperparameter, a property sweep, a named experiment.
        { "MethodParts", "Demo.Parts.CustomCritical.Experiment.g.cs", """
            using TopoDsl.Experiments;
            using TopoDsl.Experiments.Definitions;
            using TopoDsl.Rules;
            using TopoDsl.Training.Data;
            using TopoDsl.Training.Modules;
            using TopoDsl.Training.Tensors;

            namespace Demo.Parts
            {
                /// <summary>A tanh network on y = x^2, its neurons starting on a line, across eta* = 1/K.</summary>
                [Experiment("critical-custom", Description = "tanh 1-32-1 on y = x^2 from a line of neurons, eta x K in {0.5, 1.5}")]
                [Optimizer(typeof(Sgd))]
                [Train(Steps = 200, Seeds = 2, FirstSeed = 7)]
                [Track(Checkpoints = 4, SharpnessEvery = 50, MaxDimension = 1)]
                [Quick(Steps = 20)]
                internal partial class CustomCritical
                {
                    [SweepTimesEtaStar(0.5, 1.5)] public double lr;

                    public const double weight_decay = 1e-4;

                    public string Notes { get; set; } = "not a hyperparameter of Sgd: ignored";

                    [Network(Description = "tanh 1-32-1 with biases")]
                    private static Module Build(ulong seed) => Mlp.Create(new[] { 1, 32, 1 }, ActivationKind.Tanh, true, seed);

                    [Data]
                    private static ExperimentData Parabola(ulong seed)
                    {
                        var x = new float[64];
                        for (int i = 0; i < x.Length; i++) x[i] = -1f + 2f * i / (x.Length - 1);
                        var y = System.Array.ConvertAll(x, v => v * v);
                        var all = new Dataset(new Tensor(x, x.Length, 1), new Tensor(y, y.Length, 1));
                        var (train, test) = all.Split(0.75, seed);
                        return new ExperimentData(train, test, "y = x^2 on 64 points of [-1, 1]");
                    }

                    [InitialNeurons(Layer = 0)]
                    private static Tensor Line(int neurons, int dimension, ulong seed)
                    {
                        var cloud = Tensor.Zeros(neurons, dimension);
                        for (int i = 0; i < neurons; i++) cloud.Data[i * dimension] = (float)i / neurons;
                        return cloud;
                    }
                }
            }
            """ },
        // No namespace, two absolute sweep axes (the verdict looks the pair up), Adam's defaults, a rule in another assembly.
        { "AdamGrid", "AdamGrid.Experiment.g.cs", """
            using TopoDsl.Experiments;

            [Experiment]
            [Mlp(2, 8, 8, 1, Bias = true, Activation = TopoDsl.Training.Modules.ActivationKind.Tanh)]
            [TeacherStudentData(2, Samples = 200, TrainFraction = 0.5)]
            [InitialNeurons(NeuronShape.EmbeddedSphere, Layer = 1)]
            [Optimizer(typeof(TopoDsl.Rules.Adam))]
            [Train(Epochs = 3)]
            [Track(Layers = new[] { 0, 1 }, FixedScale = 0.5)]
            public partial class AdamGrid
            {
                [Sweep(1e-3, 1e-2)] public float lr { get; set; }
                [Sweep(0.8, 0.9)] public double beta1;
                public float eps = 1e-6f;
            }
            """ },
        // Every loss-landscape analysis, runs from a shared initialisation.
        { "Landscape", "Demo.Paths.Experiment.g.cs", """
            using TopoDsl.Experiments;
            using TopoDsl.Rules;
            using TopoDsl.Training.Modules;

            namespace Demo;

            [Experiment]
            [Mlp(784, 32, 10, Activation = ActivationKind.Relu, Bias = true)]
            [FashionMnistData(TrainSamples = 1000)]
            [Optimizer(typeof(SgdMomentum))]
            [Train(Epochs = 2, BatchSize = 100, Seeds = 3, SharedInitialisation = true)]
            [LossSlice(Resolution = 21)]
            [MinimaBarcode(Steps = 50, MaxPairs = 4)]
            [HomotopyClasses(From = 0.5, Tolerance = 0.01)]
            [GeneralisationFit]
            public partial class Paths
            {
                [Sweep(0.01, 0.1)] public double lr;
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Experiments))]
    public void Experiment(string name, string hintName, string source)
    {
        var run = GeneratorHarness.RunExperiments(source);

        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        var generated = Assert.Single(run.SourcesOf<ExperimentGenerator>());
        Assert.Equal(hintName, generated.HintName);
        GoldenTests.AssertCleanCompilation(run);
        Golden.Verify(name, generated.SourceText.ToString(), Golden.Experiments);
    }

    [Fact]
    public void The_runs_fingerprint_leaves_out_the_analyses_settings_and_keeps_the_rest()
    {
        static string DeclarationOf(string extra)
        {
            var run = GeneratorHarness.RunExperiments(ExperimentSources.Experiment(
                ExperimentSources.AttributesWith("[Train", "[Train(Epochs = 2, BatchSize = 32, Seeds = 3)]") + extra));
            Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
            string code = Assert.Single(run.SourcesOf<ExperimentGenerator>()).SourceText.ToString();
            return System.Text.RegularExpressions.Regex.Match(code, "Declaration = (\".*\"),").Groups[1].Value;
        }

        string slice = DeclarationOf("\n[LossSlice]");
        Assert.NotEmpty(slice);
        Assert.Equal(slice, DeclarationOf("\n[LossSlice(Resolution = 21, Span = 2)]\n[MinimaBarcode(Steps = 50)]"));
        Assert.Equal(DeclarationOf("\n[Quick(Epochs = 1)]"), DeclarationOf("\n[LossSlice, Quick(Epochs = 1)]"));
        Assert.NotEqual(slice, DeclarationOf("\n[LossSlice]\n[Quick(Epochs = 1)]"));
    }

    [Fact]
    public void Golden_files_exist_only_for_the_tested_experiments()
    {
        var tested = Experiments.Select(row => (string)row[0] + ".g.cs.txt").OrderBy(n => n, StringComparer.Ordinal);
        var files = Directory.GetFiles(Golden.Directory(Golden.Experiments), "*.g.cs.txt").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(tested, files!);
    }

    /// <summary>The files of examples/TopologicalInvariance but Program.cs, copied next to the tests at build time.</summary>
    private static readonly string[] ExampleFileNames =
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ExampleExperiments"), "*.cs").Select(f => Path.GetFileName(f)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    public static TheoryData<string> ExampleFiles => new(ExampleFileNames);

    [Fact]
    public void The_example_declares_its_experiments_in_five_files()
    {
        Assert.Equal(new[] { "CriticalPoint.cs", "DoubleTorus.cs", "FashionSphere.cs", "FigureEight.cs", "TwoCircles.cs" }, ExampleFileNames);
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void An_experiment_of_the_example_gives_no_diagnostic_and_compiles_cleanly(string file)
    {
        // The example's project has `global using TopoDsl.Experiments;` (<Using Include> in its csproj).
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ExampleExperiments", file));

        var run = GeneratorHarness.RunExperiments(source, "global using TopoDsl.Experiments;");

        Assert.True(run.DriverDiagnostics.IsEmpty, string.Join("\n", run.DriverDiagnostics));
        var classes = run.Input.SyntaxTrees.First().GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Where(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Experiment"))
            .Select(c => $"TopologicalInvariance.{c.Identifier.Text}.Experiment.g.cs").OrderBy(n => n, StringComparer.Ordinal);
        Assert.NotEmpty(classes);
        Assert.Equal(classes, run.SourcesOf<ExperimentGenerator>().Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
        GoldenTests.AssertCleanCompilation(run);
    }

    [Fact]
    public void All_experiments_of_the_example_together_have_distinct_names()
    {
        var sources = ExampleFileNames.Select(file => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ExampleExperiments", file)));

        var run = GeneratorHarness.RunExperiments([.. sources, "global using TopoDsl.Experiments;"]);

        Assert.True(run.DriverDiagnostics.IsEmpty, string.Join("\n", run.DriverDiagnostics));
        Assert.Equal(6, run.SourcesOf<ExperimentGenerator>().Length);
        GoldenTests.AssertCleanCompilation(run);
    }

    [Fact]
    public void The_generated_code_of_a_file_scoped_namespace_and_a_block_namespace_is_the_same()
    {
        const string Body = """
            [Experiment]
            [Mlp(1, 16, 1)]
            [TeacherStudentData(1)]
            [Optimizer(typeof(TopoDsl.Rules.Sgd))]
            [Train(Epochs = 1)]
            public partial class Same { [Sweep(0.1)] public double lr; }
            """;

        var fileScoped = GeneratorHarness.RunExperiments($"using TopoDsl.Experiments;\nnamespace Demo;\n{Body}\n");
        var block = GeneratorHarness.RunExperiments($"using TopoDsl.Experiments;\nnamespace Demo\n{{\n{Body}\n}}\n");

        // The declaration text kept for the resume fingerprint is the class's own tokens: the namespace's form changes nothing.
        Assert.Equal(Assert.Single(fileScoped.SourcesOf<ExperimentGenerator>()).SourceText.ToString(),
            Assert.Single(block.SourcesOf<ExperimentGenerator>()).SourceText.ToString());
    }
}
