using System.Runtime.CompilerServices;
using TopoDsl.Dsl.Tests.Support;

namespace TopoDsl.Dsl.Tests;

/// <summary>
/// The emitted code of a few rules, compared byte for byte with Golden/NAME.g.cs.txt. Run with TOPODSL_ACCEPT=1
/// to rewrite the files after an intended change (then review the diff).
/// </summary>
public class GoldenTests
{
    public static TheoryData<string> Cases() => new() { "Adam", "NeuronNormalizedSgd", "Muon", "NoisySgd", "Lion", "ClippedSgd" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Emitted_code_matches_the_golden_file(string name)
    {
        var rule = RuleLibrary.Named(name);
        var analysis = RuleCompiler.Analyze(rule.Text, rule.Context);
        var target = name == "Adam"
            ? new EmitTarget("My.Optimizers", "Adam", EquatableArray.Create("public static partial class Library", "partial class Optimizers"), "internal")
            : new EmitTarget("My.Optimizers", name, EquatableArray<string>.Empty, "public");
        string code = RuleCompiler.Emit(analysis, target)!;
        Assert.Equal(code, RuleCompiler.Emit(RuleCompiler.Analyze(rule.Text, rule.Context), target)); // deterministic
        string path = Path.Combine(SourceDirectory(), "Golden", name + ".g.cs.txt");
        if (Environment.GetEnvironmentVariable("TOPODSL_ACCEPT") == "1")
        {
            File.WriteAllText(path, code);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with TOPODSL_ACCEPT=1 to create it");
        string golden = File.ReadAllText(path);
        if (golden != code) Assert.Fail(Difference(golden, code, path));
    }

    private static string Difference(string expected, string actual, string path)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        int line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line]) line++;
        string At(string[] lines, int i) => i < lines.Length ? lines[i] : "<end of file>";
        return $"emitted code differs from {path} at line {line + 1} (TOPODSL_ACCEPT=1 rewrites it):\n" +
            $"- {At(a, line)}\n+ {At(b, line)}\n" + (line > 0 ? $"  (after: {a[line - 1].Trim()})" : "");
    }

    private static string SourceDirectory([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
