using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using TopoDsl.Training.Optimizers;

namespace TopoDsl.Generators.Tests.Harness;

/// <summary>
/// The output compilation of a generator run emitted to memory and loaded into a collectible
/// AssemblyLoadContext. Every other assembly (TopoDsl.Training above all) resolves from the default context, so
/// the generated optimizers implement the very IOptimizer and take the very ParameterSlot the tests use.
/// </summary>
public sealed class GeneratedAssembly : IDisposable
{
    private readonly Context _context;

    private GeneratedAssembly(Context context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static GeneratedAssembly Load(GeneratorRun run)
    {
        run.AssertCompilesWithoutErrors();
        using var image = new MemoryStream();
        var result = run.Output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return FromImage(image);
    }

    /// <summary>Loads an assembly already emitted (by a caller that read the emit's diagnostics itself).</summary>
    public static GeneratedAssembly FromImage(MemoryStream image)
    {
        image.Position = 0;
        var context = new Context();
        return new GeneratedAssembly(context, context.LoadFromStream(image));
    }

    public static GeneratedAssembly Compile(params string[] sources) => Load(GeneratorHarness.Run(sources));

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>A new instance of the optimizer class <paramref name="fullName"/>, with the given hyperparameters set by name.</summary>
    public IOptimizer Create(string fullName, params (string Name, object Value)[] hyperparameters)
    {
        var type = Type(fullName);
        var optimizer = Activator.CreateInstance(type, nonPublic: true)!;
        foreach (var (name, value) in hyperparameters) Set(optimizer, name, value);
        return Assert.IsAssignableFrom<IOptimizer>(optimizer);
    }

    public static void Set(object target, string name, object value)
    {
        var type = target.GetType();
        if (type.GetField(name) is { } field) field.SetValue(target, Convert.ChangeType(value, field.FieldType, System.Globalization.CultureInfo.InvariantCulture));
        else if (type.GetProperty(name) is { CanWrite: true } property)
            property.SetValue(target, Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        else throw new ArgumentException($"{type.Name} has no settable hyperparameter {name}");
    }

    /// <summary>The generated Traits constant <paramref name="name"/> of the optimizer class.</summary>
    public static object? Trait(Type optimizer, string name) =>
        optimizer.GetNestedType("Traits")!.GetField(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null);

    public void Dispose() => _context.Unload();

    private sealed class Context() : AssemblyLoadContext("TopoDsl generated optimizers", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name) =>
            Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName())) ?? Default.LoadFromAssemblyName(name);
    }
}
