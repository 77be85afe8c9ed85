namespace TopoDsl.Generators.Tests.Harness;

/// <summary>C# files around rule text, for the tests.</summary>
public static class Sources
{
    /// <summary>
    /// A partial class Demo.Opt whose rule is <paramref name="rule"/> (lines separated by \n) in a multi-line raw
    /// string literal indented by four spaces, with the hyperparameters the tests use.
    /// </summary>
    public static string Optimizer(string rule, string className = "Opt") => $$""""
        using TopoDsl;

        namespace Demo;

        [UpdateRule("""
        {{Indent(rule)}}
            """)]
        public partial class {{className}}
        {
            public float lr = 0.01f;
            public float eps = 1e-8f;
            public float sigma = 0.01f;
            public float beta = 0.9f;
            public float c = 1f;
            public float[] scales = new float[] { 1f };
            public double[] weights = new double[] { 1.0 };
            public decimal schedule = 1m;
        }

        """";

    public static string Indent(string rule) => string.Join("\n", rule.Split('\n').Select(line => line.Length == 0 ? "" : "    " + line));

    /// <summary>The source files of the standard library (src/TopoDsl/Rules), copied next to the tests at build time.</summary>
    public static string StandardRule(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StandardRules", name + ".cs"));

    public static IReadOnlyList<string> StandardRuleNames { get; } =
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "StandardRules"), "*.cs")
            .Select(Path.GetFileNameWithoutExtension).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
}
