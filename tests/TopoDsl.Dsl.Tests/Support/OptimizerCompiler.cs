using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TopoDsl.Training.Optimizers;

namespace TopoDsl.Dsl.Tests.Support;

/// <summary>
/// Compiles emitted optimizers with Roslyn against the framework reference assemblies and TopoDsl.Training,
/// together with the user's half of the partial class (one field per hyperparameter), and loads them.
/// </summary>
public static class OptimizerCompiler
{
    private static readonly ConcurrentDictionary<string, Assembly> Cache = new();

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(ParameterSlot).Assembly.Location)
            .Where(p => p.Length > 0)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First());
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    });

    public static EmitTarget Target(string typeName) => new("Generated", typeName, EquatableArray<string>.Empty, "public");

    /// <summary>The user's declaration: a public field per hyperparameter, initialised to its default.</summary>
    public static string UserDeclaration(string typeName, IEnumerable<Hyperparameter> hyperparameters)
    {
        var fields = hyperparameters.Select(h => h.Type switch
        {
            HyperparameterType.Float => $"public float {h.Name} = {((float)(h.DefaultValue ?? 0)).ToString("R", CultureInfo.InvariantCulture)}f;",
            HyperparameterType.Double => $"public double {h.Name} = {(h.DefaultValue ?? 0).ToString("R", CultureInfo.InvariantCulture)};",
            HyperparameterType.Int => $"public int {h.Name} = {(int)(h.DefaultValue ?? 0)};",
            HyperparameterType.FloatArray => $"public float[] {h.Name} = new float[] {{ 1f, 2f, 3f }};",
            HyperparameterType.DoubleArray => $"public double[] {h.Name} = new double[] {{ 1, 2, 3 }};",
            _ => $"public object? {h.Name};",
        });
        return $"namespace Generated {{ public partial class {typeName} {{ {string.Join(" ", fields)} }} }}";
    }

    /// <summary>Analyses, emits, compiles and instantiates the optimizer of <paramref name="rule"/>.</summary>
    public static IOptimizer Create(LibraryRule rule) => Create(rule.Name, rule.Text, rule.Hyperparameters);

    public static IOptimizer Create(string typeName, string text, params Hyperparameter[] hyperparameters)
    {
        var analysis = RuleCompiler.Analyze(text, new RuleContext(hyperparameters));
        string source = RuleCompiler.Emit(analysis, Target(typeName))
            ?? throw new InvalidOperationException("the rule has errors:\n" + string.Join("\n", analysis.Diagnostics));
        var assembly = Cache.GetOrAdd(source + "\n//" + UserDeclaration(typeName, hyperparameters),
            _ => Compile([source, UserDeclaration(typeName, hyperparameters)]));
        return (IOptimizer)Activator.CreateInstance(assembly.GetType("Generated." + typeName)!)!;
    }

    /// <summary>Compiles the sources into one assembly; fails on any error or warning, quoting the source.</summary>
    public static Assembly Compile(IReadOnlyList<string> sources)
    {
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest)));
        var compilation = CSharpCompilation.Create(
            "Emitted" + Guid.NewGuid().ToString("N"),
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
            throw new InvalidOperationException("emitted code does not compile cleanly:\n" + string.Join("\n", problems) + "\n\n" + string.Join("\n// ----\n", sources));
        return Assembly.Load(stream.ToArray());
    }
}
