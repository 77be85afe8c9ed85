using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace TopoDsl.Package.Tests;

/// <summary>
/// The TopoDsl package as a user gets it: `dotnet pack` into a folder, then a fresh project with a plain
/// PackageReference from that folder gets the runtime and the generator, builds, and runs its own rule.
/// </summary>
public sealed class PackageConsumptionTests : IClassFixture<PackedPackage>
{
    private readonly PackedPackage _package;

    public PackageConsumptionTests(PackedPackage package) => _package = package;

    [Fact]
    public void The_package_holds_the_runtime_the_generator_and_the_build_targets()
    {
        using var zip = ZipFile.OpenRead(_package.File);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var expected in new[]
        {
            "lib/net10.0/TopoDsl.dll", "lib/net10.0/TopoDsl.Training.dll", "lib/net10.0/TopoDsl.Homology.dll",
            "lib/net10.0/TopoDsl.Experiments.dll", "lib/net10.0/TopoDsl.Experiments.xml", "lib/net10.0/TopoDsl.Landscape.dll",
            "analyzers/dotnet/cs/TopoDsl.Generators.dll", "build/TopoDsl.targets", "buildTransitive/TopoDsl.targets",
        })
            Assert.True(entries.Contains(expected), $"{expected} is missing from {Path.GetFileName(_package.File)}: {string.Join(", ", entries.Order())}");

        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
        Assert.Contains("System.Numerics.Tensors", dependencies);
        Assert.Contains("MathNet.Numerics", dependencies);
        Assert.Contains("ScottPlot", dependencies);
        Assert.Contains("Spectre.Console", dependencies);
        Assert.Contains("System.CommandLine", dependencies);
        Assert.DoesNotContain(dependencies, d => d.StartsWith("TopoDsl", StringComparison.Ordinal));   // bundled, not separate packages
    }

    [Fact]
    public void A_fresh_project_with_a_package_reference_generates_its_rule_builds_and_runs_it()
    {
        var project = _package.NewConsumer("Consumer", """"
            using TopoDsl.Training.Optimizers;
            using TopoDsl.Training.Tensors;

            var p = new Tensor([1f, -2f], 2) { RequiresGrad = true };
            var slots = new[] { new ParameterSlot("p", p) };
            var optimizer = new HeavyBall { lr = 0.1f, beta = 0.5f };
            for (int step = 1; step <= 3; step++)
            {
                p.ZeroGrad();
                (p * new Tensor([0.5f, 0.25f], 2)).Sum().Backward();
                optimizer.Step(slots, step);
            }
            System.Console.WriteLine($"{p.Data[0]:R} {p.Data[1]:R} {HeavyBall.Traits.Equivariant} {HeavyBall.Traits.Lipschitz}");

            [TopoDsl.UpdateRule("""
                state m = 0
                m = beta * m + g
                p -= lr * m
                """)]
            public partial class HeavyBall { public float lr; public float beta; }
            """");

        var (buildCode, buildOutput) = DotnetCli.Run(project, "build", "-c", "Release", "-p:RestorePackagesPath=" + _package.PackagesFolder);
        Assert.True(buildCode == 0, "the consumer did not build:\n" + buildOutput);
        var (runCode, runOutput) = DotnetCli.Run(project, "run", "-c", "Release", "--no-build");
        Assert.True(runCode == 0, runOutput);

        Assert.Equal($"{Expected(1f, 0.5f):R} {Expected(-2f, 0.25f):R} True True", runOutput.Trim());
    }

    [Fact]
    public void A_fresh_project_declares_an_experiment_builds_lists_and_runs_it()
    {
        var project = _package.NewConsumer("ExperimentConsumer", """
            using TopoDsl.Experiments;
            using TopoDsl.Rules;

            return ExperimentApp.Run(args);

            /// <summary>A small figure-eight of neurons under SGD, below and above eta*.</summary>
            [Experiment("Mine", Description = "my own experiment")]
            [Mlp(1, 48, 1)]
            [TeacherStudentData(inputs: 1, Samples = 400)]
            [InitialNeurons(NeuronShape.FigureEight)]
            [Optimizer(typeof(Sgd))]
            [Train(Steps = 30, BatchSize = 64, Seeds = 2)]
            [Track(Checkpoints = 3, SharpnessSamples = 128, Coordinates = CloudCoordinates.Standardized)]
            public partial class MyExperiment
            {
                [SweepTimesEtaStar(0.5, 3)] public double lr;
            }
            """);

        var (buildCode, buildOutput) = DotnetCli.Run(project, "build", "-c", "Release", "-p:RestorePackagesPath=" + _package.PackagesFolder);
        Assert.True(buildCode == 0, "the consumer did not build:\n" + buildOutput);
        Assert.DoesNotContain("warning CS", buildOutput);

        var (listCode, listOutput) = DotnetCli.Run(project, "run", "-c", "Release", "--no-build", "--", "list");
        Assert.True(listCode == 0, listOutput);
        Assert.Contains("Mine", listOutput);
        Assert.Contains("my own experiment", listOutput);

        string output = Path.Combine(project, "out");
        var (runCode, runOutput) = DotnetCli.Run(project, "run", "-c", "Release", "--no-build", "--", "run", "Mine", "--out", output);
        Assert.True(runCode == 0, runOutput);
        var results = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json"))).RootElement;
        Assert.Equal("Mine", results.GetProperty("experiment").GetString());
        var runs = results.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(4, runs.Count);
        foreach (var run in runs)
        {
            Assert.True(run.GetProperty("certificate").GetProperty("applies").GetBoolean()); // Sgd at any lr: equivariant and Lipschitz
            Assert.Equal(run.GetProperty("sweep").GetProperty("lrTimesEtaStar").GetDouble(), run.GetProperty("etaTimesK").GetDouble(), 9);
        }
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.Contains("lr=3etastar_seed=1", runOutput);

        var (unknownCode, unknownOutput) = DotnetCli.Run(project, "run", "-c", "Release", "--no-build", "--", "run", "Theirs");
        Assert.Equal(2, unknownCode);
        Assert.Contains("no experiment named 'Theirs'; declared: Mine", unknownOutput);
        Assert.DoesNotContain("   at ", unknownOutput);
    }

    [Fact]
    public void The_packaged_generator_rejects_a_positional_rule_at_the_exact_place()
    {
        var project = _package.NewConsumer("Rejected", """"
            System.Console.WriteLine(typeof(Rolled));

            [TopoDsl.UpdateRule("""
                p -= lr * roll(g, 1)
                """)]
            public partial class Rolled { public float lr; }
            """");

        var (code, output) = DotnetCli.Run(project, "build", "-c", "Release", "-p:RestorePackagesPath=" + _package.PackagesFolder);
        Assert.NotEqual(0, code);
        Assert.Contains("Program.cs(4,15): error TDSL0203", output);
    }

    [Fact]
    public void The_rules_issue_9_reproduced_in_a_fresh_consumer_now_build_without_compiler_warnings_and_say_the_right_verdict()
    {
        var project = _package.NewConsumer("Issue9", """"
            System.Console.WriteLine($"{FirstStep.Traits.Lipschitz} {OnLr.Traits.Lipschitz} {OnSum.Traits.Lipschitz} {Same.Traits.Lipschitz} {Root.Traits.Lipschitz} {TinyEps.Traits.Lipschitz}");

            [TopoDsl.UpdateRule("""
                p -= lr * where(t == 1, g, 0.5 * g)
                """)]
            public partial class FirstStep { public float lr = 0.1f; }

            [TopoDsl.UpdateRule("""
                p -= where(lr > 0.5, 0.5, lr) * g
                """)]
            public partial class OnLr { public float lr = 0.1f; }

            [TopoDsl.UpdateRule("""
                p -= lr * where(sum(g) > 0, g, 0 - g)
                """)]
            public partial class OnSum { public float lr = 0.1f; }

            [TopoDsl.UpdateRule("""
                p = p
                """)]
            public partial class Same { }

            [TopoDsl.UpdateRule("""
                p -= lr * sqrt(abs(g))
                """)]
            public partial class Root { public float lr = 0.1f; }

            [TopoDsl.UpdateRule("""
                p -= lr * g / (abs(g) + eps)
                """)]
            public partial class TinyEps { public float lr = 0.1f; public double eps = 1e-300; }
            """");

        var (buildCode, buildOutput) = DotnetCli.Run(project, "build", "-c", "Release", "-p:RestorePackagesPath=" + _package.PackagesFolder);
        Assert.True(buildCode == 0, "the consumer did not build:\n" + buildOutput);
        Assert.DoesNotContain("warning CS", buildOutput, StringComparison.Ordinal);
        Assert.Contains("Program.cs(24,15): warning TDSL0306", buildOutput, StringComparison.Ordinal);
        Assert.Contains("Program.cs(29,19): warning TDSL0304", buildOutput, StringComparison.Ordinal);
        var (runCode, runOutput) = DotnetCli.Run(project, "run", "-c", "Release", "--no-build");
        Assert.True(runCode == 0, runOutput);
        // where(sum(g) > 0, g, 0 - g) compiles now, and jumps from g to -g where sum(g) crosses 0: not Lipschitz
        Assert.Contains("Program.cs(14,15): warning TDSL0303", buildOutput, StringComparison.Ordinal);
        Assert.Equal("True True False True False False", runOutput.Trim());
    }

    /// <summary>Three heavy-ball steps, m = beta m + g, p -= lr m, with lr 0.1 and beta 0.5, in float.</summary>
    private static float Expected(float p, float g)
    {
        float m = 0;
        for (int step = 0; step < 3; step++)
        {
            m = 0.5f * m + g;
            p -= 0.1f * m;
        }
        return p;
    }
}
