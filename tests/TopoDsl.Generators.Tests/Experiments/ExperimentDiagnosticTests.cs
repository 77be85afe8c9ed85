using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopoDsl.Generators.Experiments;
using TopoDsl.Generators.Tests.Harness;
using static TopoDsl.Generators.Tests.Experiments.ExperimentSources;

namespace TopoDsl.Generators.Tests.Experiments;

/// <summary>
/// Every TDSL04xx diagnostic lands on the class name, attribute, argument, member or method that causes it; an
/// experiment with an error gets no code, and a valid one gets code and no diagnostic at all.
/// </summary>
public class ExperimentDiagnosticTests
{
    private const string NetworkMethod = "[Network] static Module Build(ulong seed) => Mlp.Create(new[] { 1, 16, 1 }, ActivationKind.Tanh, true, seed);";
    private const string DataMethod = "[Data] static ExperimentData Load(ulong seed) => throw new System.NotSupportedException();";
    private const string CloudMethod = "[InitialNeurons] static Tensor Cloud(int neurons, int dimension, ulong seed) => Tensor.Zeros(neurons, dimension);";

    /// <summary>Types that cannot be the update rule (an open generic, an abstract class, a static class), and Generic&lt;int&gt;, which can.</summary>
    private const string Optimizers = """
        using System.Collections.Generic;
        using TopoDsl.Training.Optimizers;

        namespace Demo;

        public sealed class Generic<T> : IOptimizer
        {
            public float lr = 0.1f;
            public void Step(IReadOnlyList<ParameterSlot> parameters, int step) { }
        }

        public abstract class Base : IOptimizer
        {
            public abstract void Step(IReadOnlyList<ParameterSlot> parameters, int step);
        }

        public static class Static
        {
        }

        """;

    /// <summary>The default attributes with three seeds per cell: six runs.</summary>
    // Before Cases, which reads it while the class initialises.
    private static readonly string ThreeSeeds = AttributesWith("[Train", "[Train(Epochs = 2, BatchSize = 32, Seeds = 3)]");

    /// <summary>Each case: a file with its expected diagnostics marked, and the unmarked files it needs.</summary>
    private static readonly Dictionary<string, (string Markup, string[] Others)> Cases = new()
    {
        // TDSL0401: not something the generator can extend, at the class name.
        ["0401 not partial"] = (Experiment(declaration: "public class {|TDSL0401:Exp|}"), []),
        ["0401 record"] = (Experiment(declaration: "public partial record {|TDSL0401:Exp|}"), []),
        ["0401 generic"] = (Experiment(declaration: "public partial class {|TDSL0401:Exp|}<T>"), []),
        ["0401 file-local"] = (Experiment(declaration: "file partial class {|TDSL0401:Exp|}"), []),
        ["0401 nested"] = ("""
            using TopoDsl.Experiments;
            using TopoDsl.Rules;

            namespace Demo;

            public static partial class Outer
            {
                [Experiment]
                [Mlp(1, 16, 1)]
                [TeacherStudentData(1)]
                [Optimizer(typeof(Sgd))]
                [Train(Epochs = 2)]
                public partial class {|TDSL0401:Exp|}
                {
                    [Sweep(0.01)] public double lr;
                }
            }
            """, []),

        // TDSL0402: a part missing, at the class name.
        ["0402 no network"] = (Experiment(AttributesWith("[Mlp", null), declaration: "public partial class {|TDSL0402:Exp|}"), []),
        ["0402 no data"] = (Experiment(AttributesWith("[TeacherStudentData", null), declaration: "public partial class {|TDSL0402:Exp|}"), []),
        ["0402 no optimizer"] = (Experiment(AttributesWith("[Optimizer", null), declaration: "public partial class {|TDSL0402:Exp|}"), []),
        ["0402 no schedule"] = (Experiment(AttributesWith("[Train", null), declaration: "public partial class {|TDSL0402:Exp|}"), []),
        ["0402 nothing but [Experiment]"] = (Experiment("[Experiment]", declaration: "public partial class {|TDSL0402:{|TDSL0402:{|TDSL0402:{|TDSL0402:Exp|}|}|}|}"), []),

        // TDSL0403: a part twice, at the later declaration.
        ["0403 two data attributes"] = (Experiment(AttributesWith("[TeacherStudentData", "[TeacherStudentData(1)]\n[{|TDSL0403:CsvData(\"data.csv\")|}]")), []),
        ["0403 two data attributes, the later one first in the catalog"] = (Experiment(AttributesWith("[TeacherStudentData", "[CsvData(\"data.csv\")]\n[{|TDSL0403:TeacherStudentData(1)|}]")), []),
        ["0403 [Mlp] and a [Network] method"] = (Experiment(members: "[Network] static Module {|TDSL0403:Build|}(ulong seed) => throw new System.NotSupportedException();"), []),
        ["0403 two [Data] methods"] = (Experiment(AttributesWith("[TeacherStudentData", null),
            DataMethod + "\n[Data] static ExperimentData {|TDSL0403:Again|}(ulong seed) => Load(seed);"), []),
        ["0403 a shape and an [InitialNeurons] method"] = (Experiment(members: "[InitialNeurons] static Tensor {|TDSL0403:Cloud|}(int neurons, int dimension, ulong seed) => Tensor.Zeros(neurons, dimension);"), []),

        // TDSL0404: a method part with the wrong signature, at the method name.
        ["0404 [Network] taking an int"] = (Experiment(AttributesWith("[Mlp", null), "[Network] static Module {|TDSL0404:Build|}(int seed) => throw new System.NotSupportedException();"), []),
        ["0404 [Network] returning a tensor"] = (Experiment(AttributesWith("[Mlp", null), "[Network] static Tensor {|TDSL0404:Build|}(ulong seed) => Tensor.Zeros(1);"), []),
        ["0404 [Data] not static"] = (Experiment(AttributesWith("[TeacherStudentData", null), "[Data] public ExperimentData {|TDSL0404:Load|}(ulong seed) => throw new System.NotSupportedException();"), []),
        ["0404 [InitialNeurons] generic"] = (Experiment(AttributesWith("[InitialNeurons", null),
            "[InitialNeurons] static Tensor {|TDSL0404:Cloud|}<T>(int neurons, int dimension, ulong seed) => Tensor.Zeros(neurons, dimension);"), []),
        ["0404 [InitialNeurons] missing the seed"] = (Experiment(AttributesWith("[InitialNeurons", null),
            "[InitialNeurons] static Tensor {|TDSL0404:Cloud|}(int neurons, int dimension) => Tensor.Zeros(neurons, dimension);"), []),

        // TDSL0405: not an optimizer, at the typeof argument.
        ["0405 string"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer({|TDSL0405:typeof(string)|})]")), []),
        ["0405 open generic"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer({|TDSL0405:typeof(Generic<>)|})]")), [Optimizers]),
        ["0405 abstract"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer({|TDSL0405:typeof(Base)|})]")), [Optimizers]),
        ["0405 null"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer({|TDSL0405:null|})]")), []),
        ["0405 an array type"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer({|TDSL0405:typeof(Sgd[])|})]")), []),
        ["0405 a closed generic is fine, a static class is not"] = (File(Declaration(AttributesWith("[Optimizer", "[Optimizer(typeof(Generic<int>))]"), declaration: "public partial class A"),
            Declaration(Named("\"B\"").Replace("[Optimizer(typeof(Sgd))]", "[Optimizer({|TDSL0405:typeof(Static)|})]", StringComparison.Ordinal), declaration: "public partial class B")), [Optimizers]),
        ["0405 no public parameterless constructor"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer({|TDSL0405:typeof(Demo.Plain)|})]")), [PlainOptimizer.Replace("public double lr", "public Plain(double rate) => lr = rate;\n    public double lr", StringComparison.Ordinal)]),

        // TDSL0406: a hidden layer that does not exist.
        ["0406 tracked layer"] = (Experiment(Attributes + "\n[Track({|TDSL0406:Layers = new[] { 3 }|})]"), []),
        ["0406 two tracked layers"] = (Experiment(Attributes + "\n[Track({|TDSL0406:{|TDSL0406:Layers = new[] { 0, -1, 1 }|}|})]"), []),
        ["0406 no hidden layer to track"] = (Experiment(AttributesWith("[InitialNeurons", null).Replace("[Mlp(1, 16, 1)]", "[{|TDSL0406:Mlp(1, 1)|}]", StringComparison.Ordinal)), []),
        ["0406 initial layer"] = (Experiment(AttributesWith("[InitialNeurons", "[{|TDSL0406:InitialNeurons(NeuronShape.FigureEight, Layer = 1)|}]")), []),

        // TDSL0407: a value of the wrong type, at the value.
        ["0407 a string for a double"] = (Experiment(members: "[Sweep({|TDSL0407:\"a\"|})] public double lr;"), []),
        ["0407 a bool among doubles"] = (Experiment(members: "[Sweep(0.01, {|TDSL0407:true|})] public double lr;"), []),
        ["0407 a fraction for an int hyperparameter"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer(typeof(Clipped))]"), "[Sweep(5, {|TDSL0407:2.5|})] public int warmup;"), [ClippedRule]),
        ["0407 null among values"] = (Experiment(members: "[Sweep(0.01, {|TDSL0407:null|})] public double lr;"), []),
        ["0407 in an array written out"] = (Experiment(members: "[Sweep(new object[] { 0.01, {|TDSL0407:\"a\"|} })] public double lr;"), []),
        ["0407 in a collection expression"] = (Experiment(members: "[Sweep([0.01, {|TDSL0407:'c'|}])] public double lr;"), []),
        ["0407 a member that is not a number"] = (Experiment(members: "[Sweep({|TDSL0407:0.01|})] public string lr;"), []),
        ["0407 an initializer that is not a constant"] = (Experiment(members: "public double lr = {|TDSL0407:System.Math.Sqrt(1e-4)|};"), []),

        // TDSL0408: a second experiment of one name, ignoring case, at the second name.
        ["0408 two names"] = (File(Declaration(Named("\"Same\""), declaration: "public partial class A"),
            Declaration(Named("{|TDSL0408:\"SAME\"|}"), declaration: "public partial class B")), []),
        ["0408 a class name"] = (File(Declaration(Named("\"exp\""), declaration: "public partial class A"),
            Declaration(declaration: "public partial class {|TDSL0408:Exp|}")), []),
        ["0408 one named after the other's class"] = (File(Declaration(declaration: "public partial class Exp"),
            Declaration(Named("{|TDSL0408:\"EXP\"|}"), declaration: "public partial class Other")), []),

        // TDSL0409: the step size given twice, at [SweepTimesEtaStar].
        ["0409 with [Sweep]"] = (Experiment(members: "[{|TDSL0409:SweepTimesEtaStar(0.5)|}] [Sweep(0.1)] public double lr;"), []),
        ["0409 with an initializer"] = (Experiment(members: "[{|TDSL0409:SweepTimesEtaStar(0.5, 2)|}] public double lr = 0.01;"), []),

        // TDSL0410: not a settable hyperparameter of the rule, at the attribute that names it.
        ["0410 [Sweep]"] = (Experiment(members: Members + "\n[{|TDSL0410:Sweep(0.9)|}] public double momentum;"), []),
        ["0410 [SweepTimesEtaStar]"] = (Experiment(members: "[{|TDSL0410:SweepTimesEtaStar(0.5)|}] public double eta;"), []),
        ["0410 a read-only hyperparameter"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer(typeof(Clipped))]"), Members + "\n[{|TDSL0410:Sweep(2.0)|}] public double scale;"), [ClippedRule]),
        ["0410 the step size"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer(typeof(Sgd), {|TDSL0410:StepSize = \"eta\"|})]")), []),

        // TDSL0411: a shape the layer's neurons cannot take, at [InitialNeurons].
        ["0411 a 3-D shape in the plane"] = (Experiment(AttributesWith("[InitialNeurons", "[{|TDSL0411:InitialNeurons(NeuronShape.SolidDoubleTorus)|}]")), []),
        ["0411 a sphere in the plane"] = (Experiment(AttributesWith("[InitialNeurons", "[{|TDSL0411:InitialNeurons(NeuronShape.EmbeddedSphere)|}]")), []),
        ["0411 a plane shape in 3-D"] = (Experiment(Attributes.Replace("[Mlp(1, 16, 1)]", "[Mlp(2, 16, 1)]", StringComparison.Ordinal)
            .Replace("[TeacherStudentData(1)]", "[TeacherStudentData(2)]", StringComparison.Ordinal)
            .Replace("[InitialNeurons(NeuronShape.FigureEight)]", "[{|TDSL0411:InitialNeurons(NeuronShape.FigureEight)|}]", StringComparison.Ordinal)), []),

        // TDSL0412: a setting out of range, at the setting.
        ["0412 [Train] without a length"] = (Experiment(AttributesWith("[Train", "[{|TDSL0412:Train(BatchSize = 32)|}]")), []),
        ["0412 [Train] with both lengths"] = (Experiment(AttributesWith("[Train", "[{|TDSL0412:Train(Epochs = 2, Steps = 10)|}]")), []),
        ["0412 [Train] negative batch"] = (Experiment(AttributesWith("[Train", "[Train(Epochs = 2, {|TDSL0412:BatchSize = -1|})]")), []),
        ["0412 [Train] no seeds"] = (Experiment(AttributesWith("[Train", "[Train(Epochs = 2, {|TDSL0412:Seeds = 0|})]")), []),
        ["0412 [Train] negative first seed"] = (Experiment(AttributesWith("[Train", "[Train(Epochs = 2, {|TDSL0412:FirstSeed = -1|})]")), []),
        ["0412 a name with a space"] = (Experiment(AttributesWith("[Experiment", "[Experiment({|TDSL0412:\"two words\"|})]")), []),
        ["0412 an empty name"] = (Experiment(AttributesWith("[Experiment", "[Experiment({|TDSL0412:\"\"|}, Description = \"d\")]")), []),
        ["0412 [InitialNeurons] on the class without a shape"] = (Experiment(AttributesWith("[InitialNeurons", "[{|TDSL0412:InitialNeurons|}]")), []),
        ["0412 [Track] no layer"] = (Experiment(Attributes + "\n[Track({|TDSL0412:Layers = new int[0]|})]"), []),
        ["0412 [Track] a layer twice"] = (Experiment(Attributes + "\n[Track({|TDSL0412:Layers = new[] { 0, 0 }|})]"), []),
        ["0412 [Track] no checkpoint"] = (Experiment(Attributes + "\n[Track(Coordinates = CloudCoordinates.Standardized, {|TDSL0412:Checkpoints = 0|})]"), []),
        ["0412 [Track] dimension 4"] = (Experiment(Attributes + "\n[Track({|TDSL0412:MaxDimension = 4|})]"), []),
        ["0412 [Track] NaN fraction"] = (Experiment(Attributes + "\n[Track({|TDSL0412:ScaleFraction = double.NaN|}, {|TDSL0412:MergeTolerance = 0|})]"), []),
        ["0412 [Quick] negative neurons"] = (Experiment(Attributes + "\n[Quick({|TDSL0412:Neurons = -1|})]"), []),
        ["0412 [Quick] neurons of a [Network] method"] = (Experiment(AttributesWith("[Mlp", null).Replace("[InitialNeurons(NeuronShape.FigureEight)]\n", "", StringComparison.Ordinal)
            + "\n[Quick({|TDSL0412:Neurons = 8|}, Epochs = 1)]", Members + "\n" + NetworkMethod), []),
        ["0412 teacher-student with 3 inputs"] = (Experiment(AttributesWith("[TeacherStudentData", "[TeacherStudentData({|TDSL0412:3|})]")), []),
        ["0412 [Mlp] widths that do not fit the teacher"] = (Experiment(AttributesWith("[InitialNeurons", null).Replace("[Mlp(1, 16, 1)]", "[{|TDSL0412:Mlp(1, 16, 2)|}]", StringComparison.Ordinal)), []),
        ["0412 [Mlp] widths that do not fit Fashion-MNIST"] = (Experiment(AttributesWith("[TeacherStudentData", "[FashionMnistData]").Replace("[Mlp(1, 16, 1)]", "[{|TDSL0412:Mlp(1, 16, 1)|}]", StringComparison.Ordinal)), []),
        ["0412 [Mlp] of one width"] = (Experiment(AttributesWith("[Mlp", "[{|TDSL0412:Mlp(1)|}]")), []),
        ["0412 [Mlp] with an empty layer"] = (Experiment(AttributesWith("[Mlp", "[{|TDSL0412:Mlp(1, 0, 1)|}]")), []),
        ["0412 [Sweep] of a null array"] = (Experiment(members: "[{|TDSL0412:Sweep(null)|}] public double lr;"), []),
        ["0412 [SweepTimesEtaStar] of a null array"] = (Experiment(members: "[{|TDSL0412:SweepTimesEtaStar(null)|}] public double lr;"), []),
        ["0412 [SweepTimesEtaStar] a zero in an array written out"] = (Experiment(members: "[SweepTimesEtaStar(new[] { 0.5, {|TDSL0412:0.0|} })] public double lr;"), []),
        ["0412 [Mlp] of a null array"] = (Experiment(AttributesWith("[Mlp", "[{|TDSL0412:Mlp(null)|}]")), []),
        ["0412 [Track] of a null array"] = (Experiment(Attributes + "\n[Track({|TDSL0412:Layers = null|})]"), []),
        ["0412 a shape that is not one"] = (Experiment(AttributesWith("[InitialNeurons", "[InitialNeurons({|TDSL0412:(NeuronShape)7|})]")), []),
        ["0412 [Sweep] a value twice"] = (Experiment(members: "[Sweep(0.01, 0.02, {|TDSL0412:0.01|})] public double lr;"), []),
        ["0412 [Sweep] one value written two ways"] = (Experiment(members: "[Sweep(1e-3, {|TDSL0412:0.001|})] public double lr;"), []),
        ["0412 [SweepTimesEtaStar] a multiple twice"] = (Experiment(members: "[SweepTimesEtaStar(0.5, {|TDSL0412:0.5|})] public double lr;"), []),
        ["0412 [Sweep] without values"] = (Experiment(members: "[{|TDSL0412:Sweep|}] public double lr;"), []),
        ["0412 [SweepTimesEtaStar] without multiples"] = (Experiment(members: "[{|TDSL0412:SweepTimesEtaStar()|}] public double lr;"), []),
        ["0412 [SweepTimesEtaStar] a negative multiple"] = (Experiment(members: "[SweepTimesEtaStar(0.5, {|TDSL0412:-1|})] public double lr;"), []),

        ["0412 [LossSlice] one point, no span"] = (Experiment(Attributes + "\n[LossSlice({|TDSL0412:Resolution = 1|}, {|TDSL0412:Span = 0|})]"), []),
        ["0412 [MinimaBarcode] no steps, negative rate"] = (Experiment(ThreeSeeds + "\n[MinimaBarcode({|TDSL0412:Steps = 0|}, {|TDSL0412:LearningRate = -1|})]"), []),
        ["0412 [MinimaBarcode] no cycle"] = (Experiment(ThreeSeeds + "\n[{|TDSL0412:MinimaBarcode(Cycles = 0, FineCycles = 0)|}]"), []),
        ["0412 [HomotopyClasses] from the end"] = (Experiment(Attributes + "\n[HomotopyClasses({|TDSL0412:From = 1|}, {|TDSL0412:BlendSteps = 1|})]"), []),
        ["0412 [GeneralisationFit] certain confidence"] = (Experiment(ThreeSeeds + "\n[LossSlice]\n[GeneralisationFit({|TDSL0412:Confidence = 1|})]"), []),

        // TDSL0413: multiples of eta* on a member that is not the step size, at [SweepTimesEtaStar].
        ["0413 weight decay"] = (Experiment(members: "[Sweep(0.01)] public double lr;\n[{|TDSL0413:SweepTimesEtaStar(0.5)|}] public double weight_decay;"), []),
        ["0413 lr when the step size is another member"] = (Experiment(AttributesWith("[Optimizer", "[Optimizer(typeof(Sgd), StepSize = \"weight_decay\")]"), "[{|TDSL0413:SweepTimesEtaStar(0.5)|}] public double lr;"), []),

        // TDSL0414 (info): the rule checker does not find the rule Lipschitz, at [Optimizer]; the code is still generated.
        ["0414 signSGD"] = (Experiment(AttributesWith("[Optimizer", "[{|TDSL0414:Optimizer(typeof(SignSgd))|}]")), []),
        ["0414 Lion"] = (Experiment(AttributesWith("[Optimizer", "[{|TDSL0414:Optimizer(typeof(Lion))|}]")), []),
        ["0414 at a fixed value"] = (Experiment(AttributesWith("[Optimizer", "[{|TDSL0414:Optimizer(typeof(Clipped))|}]"), "[Sweep(0.01, 0.02)] public double lr;\npublic const float eps = 0;"), [ClippedRule]),
        ["0414 at one swept value"] = (Experiment(AttributesWith("[Optimizer", "[{|TDSL0414:Optimizer(typeof(Clipped))|}]"), "[Sweep(0.01)] public double lr;\n[Sweep(1e-8, 0)] public double eps;"), [ClippedRule]),

        // TDSL0415: a member the generated code declares, at its name.
        ["0415 Definition"] = (Experiment(members: Members + "\npublic static string {|TDSL0415:Definition|} = \"\";"), []),
        ["0415 a property Run"] = (Experiment(members: Members + "\npublic int {|TDSL0415:Run|} { get; set; }"), []),
        ["0415 the generated Run"] = (Experiment(members: Members + "\npublic static TopoDsl.Experiments.Results.ExperimentResults {|TDSL0415:Run|}(string output, bool quick = false, int? seeds = null, int threads = 1,"
            + " TopoDsl.Experiments.Running.IRunObserver? observer = null, System.Threading.CancellationToken cancellation = default) => throw new System.NotSupportedException();"), []),
        ["0415 a helper"] = (Experiment(members: Members + "\nprivate static void {|TDSL0415:TopoDslRegister|}() { }\nprivate sealed class {|TDSL0415:TopoDslVerdict|} { }"), []),
        ["0415 the class"] = (Experiment(declaration: "public partial class {|TDSL0415:Definition|}"), []),

        // TDSL0416: a landscape analysis the declared runs cannot feed, at the analysis.
        ["0416 barcode of minima of one seed"] = (Experiment(Attributes + "\n[{|TDSL0416:MinimaBarcode|}]"), []),
        ["0416 homotopy of one run"] = (Experiment(Attributes + "\n[{|TDSL0416:HomotopyClasses(Every = 5)|}]", "[Sweep(0.01)] public double lr;"), []),
        ["0416 a line through two runs"] = (Experiment(Attributes + "\n[LossSlice]\n[{|TDSL0416:GeneralisationFit|}]"), []),

        // TDSL0417 (warning): the analysis needs more seeds than --quick runs, at [Quick(Seeds)]; the code is still generated.
        ["0417 quick with one seed"] = (Experiment(ThreeSeeds + "\n[MinimaBarcode]\n[Quick(Epochs = 1, {|TDSL0417:Seeds = 1|})]"), []),

        // TDSL0418: a generalisation fit without slices, at [GeneralisationFit].
        ["0418 fit without [LossSlice]"] = (Experiment(ThreeSeeds + "\n[{|TDSL0418:GeneralisationFit|}]"), []),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_problem_is_reported_at_its_exact_span(string name)
    {
        var (markup, others) = Cases[name];

        var run = Markup.VerifyExperiment(markup, others);

        Assert.NotEmpty(run.Diagnostics);
        // A class with an error (other than sharing a name, which is checked across classes) gets no code; the others do.
        var generated = run.SourcesOf<ExperimentGenerator>().Select(s => s.HintName).ToHashSet();
        foreach (var declaration in ExperimentClasses(run))
        {
            bool broken = run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Id != ExperimentDiagnostics.DuplicateName.Id
                && declaration.Span.Contains(d.Location.SourceSpan));
            Assert.True(broken != generated.Contains($"Demo.{declaration.Identifier.Text}.Experiment.g.cs"),
                $"class {declaration.Identifier.Text}: {(broken ? "has an error but got code" : "has no error but got no code")}; generated [{string.Join(", ", generated)}]");
        }
        // The input is valid C#, so whatever was generated compiles with it, with no warning in the generated files.
        GoldenTests.AssertCleanCompilation(run);
    }

    /// <summary>The classes marked [Experiment] in File0.cs.</summary>
    private static List<TypeDeclarationSyntax> ExperimentClasses(GeneratorRun run) =>
        run.Input.SyntaxTrees.Single(t => t.FilePath == "File0.cs").GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
            .Where(t => t.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Experiment")).ToList();

    [Fact]
    public void Every_diagnostic_of_the_catalog_has_a_case()
    {
        var marked = Cases.Values.SelectMany(c => Markup.Parse(c.Markup).Spans).Select(s => s.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);

        Assert.Equal(ExperimentDiagnostics.All.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), marked);
    }

    [Fact]
    public void The_catalog_numbers_its_diagnostics_0401_to_0418_once_each()
    {
        Assert.Equal(Enumerable.Range(401, 18).Select(n => $"TDSL0{n}"), ExperimentDiagnostics.All.Select(d => d.Id));
        Assert.All(ExperimentDiagnostics.All, d => Assert.Equal(d.Id switch
        {
            "TDSL0414" => TopoDsl.Dsl.DslSeverity.Info,
            "TDSL0417" => TopoDsl.Dsl.DslSeverity.Warning,
            _ => TopoDsl.Dsl.DslSeverity.Error,
        }, d.Severity));
    }

    [Fact]
    public void A_rule_class_of_the_project_that_is_not_partial_is_refused_at_the_typeof_instead_of_generating_code_that_cannot_compile()
    {
        var run = GeneratorHarness.RunExperiments(
            Experiment(AttributesWith("[Optimizer", "[Optimizer(typeof(Loose))]")),
            "using TopoDsl;\nnamespace Demo;\n[UpdateRule(\"p -= lr * g\")]\npublic sealed class Loose { public float lr = 0.1f; }");

        var ids = run.Diagnostics.Select(d => d.Id).ToList();
        Assert.Contains("TDSL0001", ids);   // the rule generator's own reason
        var refused = Assert.Single(run.Diagnostics, d => d.Id == "TDSL0405");
        Assert.Contains("its [UpdateRule] class is not partial", refused.GetMessage());
        Assert.Equal("typeof(Loose)", refused.Location.SourceTree!.ToString().Substring(refused.Location.SourceSpan.Start, refused.Location.SourceSpan.Length));
        Assert.Empty(run.SourcesOf<ExperimentGenerator>());
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS0266");
    }

    [Fact]
    public void A_valid_declaration_gives_no_diagnostic_and_code_that_compiles_cleanly()
    {
        var run = Markup.VerifyExperiment(Experiment());

        Assert.Empty(run.DriverDiagnostics);
        Assert.Equal("Demo.Exp.Experiment.g.cs", Assert.Single(run.SourcesOf<ExperimentGenerator>()).HintName);
        GoldenTests.AssertCleanCompilation(run);
    }

    [Fact]
    public void Methods_for_every_part_and_every_optional_attribute_give_no_diagnostic()
    {
        var run = Markup.VerifyExperiment(Experiment("""
            [Experiment("methods-1.0", Description = "every part a method")]
            [Optimizer(typeof(Adam))]
            [Train(Steps = 10, BatchSize = 0, Seeds = 2, FirstSeed = 3)]
            [Track(Layers = new[] { 0 }, Checkpoints = 2, PersistenceEvery = 0, SharpnessEvery = 5, MaxDimension = 1, FixedScale = 0.5)]
            [Quick(Epochs = 1, Steps = 2, Seeds = 1)]
            """, string.Join("\n", "[SweepTimesEtaStar(0.5, 2)] public double lr;", "public const double beta1 = 0.8;",
            "[Sweep(0.99, 0.999)] public double beta2 { get; set; }", "public float eps = 1e-6f;", "public string Note = \"not a hyperparameter\";",
            "public static void Run() { }", "public static int Run(string output) => 0;",
            NetworkMethod, DataMethod, CloudMethod)));

        Assert.Empty(run.DriverDiagnostics);
        GoldenTests.AssertCleanCompilation(run);
    }

    [Fact]
    public void A_method_marked_for_two_parts_is_named_by_the_marker_of_the_part_it_does_not_fit()
    {
        var run = Markup.VerifyExperiment(Experiment(AttributesWith("[Mlp", null).Replace("[TeacherStudentData(1)]\n", "", StringComparison.Ordinal),
            "[Network, Data] static Module {|TDSL0404:Build|}(ulong seed) => throw new System.NotSupportedException();"));

        var message = Assert.Single(run.Diagnostics).GetMessage();
        Assert.StartsWith("`Build` is marked [Data] but is", message);
    }

    [Fact]
    public void A_missing_part_says_what_to_add()
    {
        var run = Markup.VerifyExperiment(Experiment("[Experiment]", declaration: "public partial class {|TDSL0402:{|TDSL0402:{|TDSL0402:{|TDSL0402:Exp|}|}|}|}"));

        var messages = run.Diagnostics.Select(d => d.GetMessage()).ToList();
        Assert.Contains("experiment `Exp` declares no network: add [Mlp(...)] or a [Network] method", messages);
        Assert.Contains("experiment `Exp` declares no data: add [TeacherStudentData], [FashionMnistData], [CsvData] or a [Data] method", messages);
        Assert.Contains("experiment `Exp` declares no update rule: add [Optimizer(typeof(...))]", messages);
        Assert.Contains("experiment `Exp` declares no schedule: add [Train(Epochs = ..., BatchSize = ...)]", messages);
    }

    [Theory]
    [InlineData("0404 [Network] taking an int", "`Build` is marked [Network] but is `static Module Exp.Build(int seed)`; it must be `static Module Name(ulong seed)`")]
    [InlineData("0405 null", "`null` cannot be the update rule: it is no type")]
    [InlineData("0405 string", "`string` cannot be the update rule: it is neither an [UpdateRule] class nor an IOptimizer")]
    [InlineData("0406 tracked layer", "hidden layer 3 does not exist: the network [Mlp(1, 16, 1)] has one hidden layer (0)")]
    [InlineData("0407 a string for a double", "value 1 of [Sweep] on `lr` is the string \"a\"; `lr` is double")]
    [InlineData("0407 a fraction for an int hyperparameter", "value 2 of [Sweep] on `warmup` is 2.5; `warmup` is an int hyperparameter of the rule")]
    [InlineData("0408 two names", "another experiment is also named `SAME` (class A); names must differ (ignoring case)")]
    [InlineData("0409 with an initializer", "`lr` is given both as the value 0.01 and as multiples of eta*")]
    [InlineData("0410 [Sweep]", "`momentum` has [Sweep] but `Sgd` has no settable hyperparameter of that name; its hyperparameters: lr, weight_decay")]
    [InlineData("0411 a 3-D shape in the plane", "NeuronShape.SolidDoubleTorus needs neurons of 3 coordinates; hidden layer 0 of [Mlp(1, 16, 1)] has 2")]
    [InlineData("0413 weight decay", "[SweepTimesEtaStar] is on `weight_decay`, but the step size of `Sgd` is `lr`")]
    [InlineData("0412 a shape that is not one", "7 is not a NeuronShape: give one of FigureEight, TwoCircles, SolidDoubleTorus, EmbeddedSphere")]
    [InlineData("0414 signSGD", "the bi-Lipschitz certificate does not apply to `SignSgd`: `sign(g)` jumps at 0")]
    [InlineData("0414 at one swept value", "the bi-Lipschitz certificate does not apply to `Clipped` at lr = 0.01, eps = 0: ")]
    [InlineData("0415 Definition", "`Definition` is declared by the generated code of an experiment (Definition, Run(string, bool, int?, int, IRunObserver?, CancellationToken), TopoDslCreateOptimizer, TopoDslVerdict, TopoDslRegister); rename it")]
    public void The_message_names_the_problem(string name, string expected)
    {
        var (markup, others) = Cases[name];

        var run = Markup.VerifyExperiment(markup, others);

        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_theorem_note_carries_the_rule_checkers_reason()
    {
        var (markup, others) = Cases["0414 signSGD"];

        var note = Assert.Single(Markup.VerifyExperiment(markup, others).Diagnostics);

        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.Contains("sign", note.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_descriptors_are_experiment_diagnostics_and_the_errors_cannot_be_suppressed()
    {
        var run = Markup.VerifyExperiment("#pragma warning disable TDSL0412\n" + Experiment(AttributesWith("[Train", "[{|TDSL0412:Train(BatchSize = 32)|}]")));

        var error = Assert.Single(run.Diagnostics);
        Assert.Equal("TopoDsl.Experiments", error.Descriptor.Category);
        Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, error.Descriptor.CustomTags);
        Assert.Equal("https://github.com/topodsl/topodsl/blob/main/README.md#tdsl0412", error.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void The_theorem_note_can_be_suppressed()
    {
        var (markup, others) = Cases["0414 signSGD"];
        var (source, _) = Markup.Parse(markup);

        var run = GeneratorHarness.RunExperiments(["#pragma warning disable TDSL0414\n" + source, .. others]);

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.DriverDiagnostics, d => d.Id == "TDSL0414" && d.IsSuppressed);
        Assert.Single(run.SourcesOf<ExperimentGenerator>());
    }

    [Fact]
    public void Two_experiments_of_one_name_in_two_files_are_reported_on_the_later_file()
    {
        var first = Experiment(Named("\"Twin\""), declaration: "public partial class A");
        var (second, spans) = Markup.Parse(Experiment(Named("{|TDSL0408:\"twin\"|}"), declaration: "public partial class B"));

        var run = GeneratorHarness.RunExperiments(first, second);

        var duplicate = Assert.Single(run.Diagnostics);
        Assert.Equal("TDSL0408", duplicate.Id);
        Assert.Equal("File1.cs", duplicate.Location.SourceTree!.FilePath);
        Assert.Equal(Assert.Single(spans).Span, duplicate.Location.SourceSpan);
        Assert.Contains("(class A)", duplicate.GetMessage(), StringComparison.Ordinal);
        // Each declaration is valid on its own: both get code, and the build fails on the duplicate alone.
        Assert.Equal(2, run.SourcesOf<ExperimentGenerator>().Length);
    }

    [Fact]
    public void Three_experiments_of_one_name_report_the_second_and_the_third_naming_the_others()
    {
        string Trio(string name, string className) => Experiment(Named(name), declaration: $"public partial class {className}");

        var run = GeneratorHarness.RunExperiments(Trio("\"Trio\"", "A"), Trio("\"trio\"", "B"), Trio("\"TRIO\"", "C"));

        var duplicates = run.Diagnostics.OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ToList();
        Assert.Equal(["File1.cs", "File2.cs"], duplicates.Select(d => d.Location.SourceTree!.FilePath));
        Assert.Contains("(class A, class C)", duplicates[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("(class A, class B)", duplicates[1].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_optimizer_type_is_left_to_the_compiler()
    {
        var run = GeneratorHarness.RunExperiments(Experiment(AttributesWith("[Optimizer", "[Optimizer(typeof(NoSuchRule))]")));

        Assert.Empty(run.Diagnostics);
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS0246");
        Assert.Empty(run.SourcesOf<ExperimentGenerator>());
    }

    [Fact]
    public void Experiment_on_two_parts_of_a_class_adds_its_code_once_and_keeps_the_other_experiments()
    {
        var run = GeneratorHarness.RunExperiments(Experiment(), Experiment(members: ""), Experiment(Named("\"Other\""), declaration: "public partial class Other"));

        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS0579"); // C# refuses the second [Experiment]
        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Id is "CS8785" or "TDSL0408");
        Assert.Equal(["Demo.Exp.Experiment.g.cs", "Demo.Other.Experiment.g.cs"], run.SourcesOf<ExperimentGenerator>().Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_experiment_whose_rule_has_errors_gets_no_code_and_only_the_rules_errors_are_reported()
    {
        var run = GeneratorHarness.RunExperiments(Experiment(AttributesWith("[Optimizer", "[Optimizer(typeof(Opt))]")), Sources.Optimizer("p -= lr * roll(g, 1)"));

        Assert.Equal(["TDSL0203"], run.Diagnostics.Select(d => d.Id));
        Assert.Empty(run.Sources);
        run.AssertCompilesWithoutErrors();
    }
}
