using Microsoft.CodeAnalysis;
using TopoDsl.Dsl;
using TopoDsl.Generators.Tests.Harness;
using TopoDsl.Training.Optimizers;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TopoDsl.Generators.Tests.Properties;

/// <summary>
/// The checker's promises, on random rules nobody wrote (<see cref="RandomRules"/>), each built by the real
/// Roslyn generator: (1) an accepted rule's generated code compiles, without warnings; (2) a rule called
/// equivariant (without noise) steps a permuted two-layer network into the permuted result, bit for bit; (3) a
/// rule called Lipschitz gets a finite slope bound from the analysis, and its emitted optimizer's measured slope
/// stays below it. TOPODSL_PROPERTY_RULES sets how many rules (default 2000), TOPODSL_PROPERTY_SEED the seed; a
/// failing rule is printed whole, ready to become a regular test.
/// </summary>
public class RuleSoundnessProperties(RuleSoundnessProperties.Report report) : IClassFixture<RuleSoundnessProperties.Report>
{
    private const int BatchSize = 250;

    /// <summary>Prints through xunit's diagnostic messages, which the test run shows (xunit.runner.json).</summary>
    public sealed class Report(IMessageSink sink)
    {
        public void Say(string message) => sink.OnMessage(new DiagnosticMessage(message));
    }

    private sealed class Counts
    {
        public int Rules, Accepted, Rejected, Equivariant, Lipschitz, Overflowing, SlopesMeasured;
        public double WorstRatio;
        public string WorstRatioRule = "";
        public readonly System.Diagnostics.Stopwatch Building = new(), Stepping = new();

        public override string ToString() =>
            $"{Rules} random rules: {Accepted} accepted and compiled, {Rejected} rejected with a TDSL error; " +
            $"{Equivariant} stepped bit-identically on permuted networks; {Lipschitz} called Lipschitz, of which {Overflowing} leave float32's range " +
            $"in the box and the others have finite slope bounds, " +
            $"{SlopesMeasured} measured (largest measured slope / bound, float32 rounding allowed for: {WorstRatio:F3}); {Building.Elapsed.TotalSeconds:F0} s building, {Stepping.Elapsed.TotalSeconds:F0} s stepping";
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out int value) ? value : fallback;

    [Fact]
    public void Random_rules_compile_when_accepted_and_keep_their_verdicts()
    {
        int total = Setting("TOPODSL_PROPERTY_RULES", 2000), seed = Setting("TOPODSL_PROPERTY_SEED", 20261203);
        var rules = new RandomRules(seed);
        var counts = new Counts();
        var failures = new List<string>();
        for (int start = 0; start < total && failures.Count == 0; start += BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(BatchSize, total - start)).Select(rules.Next).ToList();
            failures.AddRange(Check(batch, counts));
        }
        report.Say($"RuleSoundnessProperties (seed {seed}): {counts}");
        if (Environment.GetEnvironmentVariable("TOPODSL_PROPERTY_VERBOSE") == "1") report.Say("closest to its bound: " + counts.WorstRatioRule);
        Assert.True(failures.Count == 0, $"seed {seed}:\n" + string.Join("\n\n", failures.Take(3)));
    }

    private static IEnumerable<string> Check(IReadOnlyList<RandomRule> batch, Counts counts)
    {
        counts.Building.Start();
        var run = GeneratorHarness.Run(batch.Select(r => r.Source).ToArray());
        counts.Rules += batch.Count;
        var rejected = run.DriverDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location.SourceTree?.FilePath).ToHashSet();
        var accepted = batch.Where((_, i) => !rejected.Contains($"File{i}.cs")).ToList();
        counts.Accepted += accepted.Count;
        counts.Rejected += batch.Count - accepted.Count;

        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        var problems = emitted.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning && IsGenerated(d))
            .ToList();
        if (problems.Count > 0) counts.Building.Stop();
        foreach (var problem in problems)
            yield return $"(1) the generated code of an accepted rule does not compile cleanly: {problem}\n{RuleOf(problem, batch)}";
        if (problems.Count > 0) yield break;

        using var assembly = GeneratedAssembly.FromImage(image);
        counts.Building.Stop();
        counts.Stepping.Start();
        var failures = accepted.Select(rule => CheckVerdicts(assembly, rule, counts)).OfType<string>().ToList();
        counts.Stepping.Stop();
        foreach (var failure in failures) yield return failure;
    }

    private static string? CheckVerdicts(GeneratedAssembly assembly, RandomRule rule, Counts counts)
    {
        var type = assembly.Type("Fuzz." + rule.ClassName);
        IOptimizer Create() => (IOptimizer)Activator.CreateInstance(type)!;
        int states = rule.Text.Split('\n').Count(line => line.StartsWith("state ", StringComparison.Ordinal));
        int number = int.Parse(rule.ClassName.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            if (true.Equals(GeneratedAssembly.Trait(type, "Equivariant")) && false.Equals(GeneratedAssembly.Trait(type, "EquivariantOnlyInDistribution")))
            {
                if (PermutationCheck.Run(Create, states, rule.ClassName, number, permuteGradients: true, bias: !rule.UsesMatrixForms) is { } difference)
                    return $"(2) called equivariant, but the permuted network differs: {difference}\n{rule}";
                counts.Equivariant++;
            }
            if (true.Equals(GeneratedAssembly.Trait(type, "Lipschitz")))
            {
                counts.Lipschitz++;
                var random = new Random(number);
                var query = new SlopeQuery(1, random.Next(1, 4), random.Next(2, 5), random.Next(2, 5), rule.Arrays);
                var slope = RuleCompiler.BoundSlope(rule.Text, rule.RuntimeContext, query);
                if (!slope.StaysInFloatRange)
                {
                    counts.Overflowing++;   // exp(exp(p)) leaves float32 in a few steps: locally Lipschitz, but nothing to measure
                    return null;
                }
                double bound = slope.Slope;
                if (!(bound < double.PositiveInfinity))
                    return $"(3) called Lipschitz, but the analysis finds no finite slope bound for {query.Steps} steps of a {query.Rows}x{query.Columns} parameter\n{rule}";
                if (bound > 1e12) return null;   // beyond what float32 finite differences can confirm
                var (excess, where, ratio) = SlopeMeasurement.Worst(Create, query, bound, random);
                if (excess > 0)
                    return $"(3) called Lipschitz, but the measured slope exceeds the analysis's bound: {where}\n{rule}";
                counts.SlopesMeasured++;
                if (ratio > counts.WorstRatio) (counts.WorstRatio, counts.WorstRatioRule) = (ratio, $"{where}\n{rule}");
            }
        }
        catch (Exception error) when (error is InvalidOperationException or ArithmeticException or IndexOutOfRangeException)
        {
            return $"stepping the accepted rule threw {error.GetType().Name}: {error.Message}\n{rule}";
        }
        return null;
    }

    private static bool IsGenerated(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath.EndsWith(".UpdateRule.g.cs", StringComparison.Ordinal) == true;

    private static string RuleOf(Diagnostic diagnostic, IReadOnlyList<RandomRule> batch)
    {
        string path = diagnostic.Location.SourceTree?.FilePath ?? "";
        return batch.FirstOrDefault(r => path.EndsWith($"Fuzz.{r.ClassName}.UpdateRule.g.cs", StringComparison.Ordinal))?.ToString()
            ?? (path.StartsWith("File", StringComparison.Ordinal) && int.TryParse(path[4..^3], out int i) ? batch[i].ToString() : path);
    }
}
