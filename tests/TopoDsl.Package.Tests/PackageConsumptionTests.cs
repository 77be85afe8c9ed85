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
            "analyzers/dotnet/cs/TopoDsl.Generators.dll", "build/TopoDsl.targets", "buildTransitive/TopoDsl.targets",
        })
            Assert.True(entries.Contains(expected), $"{expected} is missing from {Path.GetFileName(_package.File)}: {string.Join(", ", entries.Order())}");

        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
        Assert.Contains("System.Numerics.Tensors", dependencies);
        Assert.Contains("MathNet.Numerics", dependencies);
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
