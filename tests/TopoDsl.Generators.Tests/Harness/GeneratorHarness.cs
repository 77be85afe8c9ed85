using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TopoDsl.Generators.Tests.Harness;

/// <summary>
/// Compiles C# source text against the runtime's assemblies plus TopoDsl.dll and TopoDsl.Training.dll and runs
/// <see cref="UpdateRuleGenerator"/> over it through a <see cref="CSharpGeneratorDriver"/> that tracks its steps.
/// The experiment variants (<see cref="RunExperiments(string[])"/>) add TopoDsl.Experiments.dll and run
/// <see cref="ExperimentGenerator"/> next to <see cref="UpdateRuleGenerator"/>, as a project that references the
/// package does. (The generated experiments compile without TopoDsl.Homology.dll or the packages TopoDsl.Experiments
/// uses: no type of theirs appears in the API the generated code calls.)
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

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyExperimentReferences = new(() => References.AddRange(
        new[] { typeof(TopoDsl.Experiments.ExperimentAttribute).Assembly.Location }
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))));

    /// <summary><see cref="References"/> plus TopoDsl.Experiments.dll.</summary>
    public static ImmutableArray<MetadataReference> ExperimentReferences => LazyExperimentReferences.Value;

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    /// <summary>One syntax tree per source, named File0.cs, File1.cs, ...</summary>
    public static CSharpCompilation Compile(params string[] sources) => Compile(References, sources);

    /// <summary>As <see cref="Compile(string[])"/>, against <see cref="ExperimentReferences"/>.</summary>
    public static CSharpCompilation CompileExperiments(params string[] sources) => Compile(ExperimentReferences, sources);

    private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, string[] sources) =>
        CSharpCompilation.Create("GeneratorTestInput", sources.Select((s, i) => Parse(s, $"File{i}.cs")), references, CompilationOptions);

    public static GeneratorDriver NewDriver() => NewDriver(new UpdateRuleGenerator());

    /// <summary>Both generators, in the order a build lists them.</summary>
    public static GeneratorDriver NewExperimentDriver() => NewDriver(new UpdateRuleGenerator(), new ExperimentGenerator());

    private static GeneratorDriver NewDriver(params IIncrementalGenerator[] generators) => CSharpGeneratorDriver.Create(
        generators.Select(g => g.AsSourceGenerator()),
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(NewDriver(), Compile(sources));

    /// <summary>Both generators over <paramref name="sources"/> compiled against <see cref="ExperimentReferences"/>.</summary>
    public static GeneratorRun RunExperiments(params string[] sources) => Run(NewExperimentDriver(), CompileExperiments(sources));

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

    /// <summary>What every generator of the run added.</summary>
    public ImmutableArray<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToImmutableArray();

    /// <summary>The run result of one generator (with two generators, <see cref="Result"/> holds one each).</summary>
    public GeneratorRunResult ResultOf<TGenerator>() where TGenerator : IIncrementalGenerator =>
        Result.Results.Single(r => r.Generator.GetGeneratorType() == typeof(TGenerator));

    /// <summary>What one generator added.</summary>
    public ImmutableArray<GeneratedSourceResult> SourcesOf<TGenerator>() where TGenerator : IIncrementalGenerator => ResultOf<TGenerator>().GeneratedSources;

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
