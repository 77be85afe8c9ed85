using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TopoDsl.Generators.Tests.Harness;

/// <summary>
/// Compiles C# source text against the runtime's assemblies plus TopoDsl.dll and TopoDsl.Training.dll and runs
/// <see cref="UpdateRuleGenerator"/> over it through a <see cref="CSharpGeneratorDriver"/> that tracks its steps.
/// </summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        allowUnsafe: true,
        deterministic: true);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(BuildReferences);

    /// <summary>The runtime's own assemblies (from the trusted platform assemblies) and the two TopoDsl assemblies.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var framework = trusted.Where(path => string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal));
        var topoDsl = new[] { typeof(UpdateRuleAttribute).Assembly.Location, typeof(TopoDsl.Training.Optimizers.IOptimizer).Assembly.Location };
        return framework.Concat(topoDsl).Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>One syntax tree per source, named File0.cs, File1.cs, ...</summary>
    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create("GeneratorTestInput", sources.Select((s, i) => Parse(s, $"File{i}.cs")), References, CompilationOptions);

    public static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        [new UpdateRuleGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(NewDriver(), Compile(sources));

    /// <summary>Runs <paramref name="driver"/> (fresh, or the result of an earlier run, to see what it cached) on <paramref name="input"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation input)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        return new GeneratorRun(driver, input, output, result, diagnostics);
    }
}

/// <summary>What one run produced.</summary>
public sealed class GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output, GeneratorDriverRunResult result,
    ImmutableArray<Diagnostic> driverDiagnostics)
{
    public GeneratorDriver Driver { get; } = driver;
    public Compilation Input { get; } = input;
    public Compilation Output { get; } = output;
    public GeneratorDriverRunResult Result { get; } = result;

    /// <summary>
    /// Everything the generator reported, as the driver returns it. The driver runs each one through the
    /// compilation's options, which mark a diagnostic under #pragma warning disable as suppressed (they stay in the list).
    /// </summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; } = driverDiagnostics;

    /// <summary>The TDSL diagnostics a user sees: the generator's, less those #pragma (or options) suppressed.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => DriverDiagnostics
        .Where(d => !d.IsSuppressed && d.Id.StartsWith("TDSL", StringComparison.Ordinal))
        .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    public ImmutableArray<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Errors of the compilation with the generated code added.</summary>
    public ImmutableArray<Diagnostic> CompilationErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    public void AssertCompilesWithoutErrors()
    {
        var errors = CompilationErrors;
        Assert.True(errors.IsEmpty, "the output compilation has errors:\n" + string.Join("\n", errors.Select(e => e.ToString()))
            + "\n\ngenerated:\n" + string.Join("\n\n", Sources.Select(s => $"// {s.HintName}\n{s.SourceText}")));
    }
}
