using System.Reflection;
using Microsoft.CodeAnalysis;
using TopoDsl.Generators.Model;

namespace TopoDsl.Generators.Tests.Harness;

/// <summary>What the incremental tests check of a generator's tracked steps: why each ran, and what its outputs hold.</summary>
public static class StepOutputs
{
    /// <summary>Every output of the tracked steps <paramref name="names"/> holds no compiler object; returns how many were walked.</summary>
    public static int AssertNoneHoldsCompilerObjects(GeneratorRunResult result, IEnumerable<string> names)
    {
        int outputs = 0;
        foreach (var name in names)
            foreach (var step in result.TrackedSteps[name])
                foreach (var (value, _) in step.Outputs)
                {
                    outputs++;
                    AssertNoCompilerObjects(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
        return outputs;
    }

    /// <summary>
    /// Fails when <paramref name="value"/> reaches a symbol, syntax node, compilation, semantic model, attribute data
    /// or operation, which keep the compilation alive, or a tree or location outside a DiagnosticInfo, which change
    /// with every edit of their file: any of them defeats caching. A DiagnosticInfo keeps its tree on purpose
    /// (#pragma needs a location in a tree).
    /// </summary>
    public static void AssertNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null) return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or Type || type.IsPointer) return;
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or AttributeData or IOperation or SyntaxTree or Location,
            $"{path} holds a {type.FullName}, which keeps the compilation alive or changes with every edit, and defeats caching");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is Array array)
        {
            int i = 0;
            foreach (var item in array) AssertNoCompilerObjects(item, $"{path}[{i++}]", seen);
            return;
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (value is DiagnosticInfo && field.FieldType == typeof(SyntaxTree)) continue;
                AssertNoCompilerObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
            }
    }

    /// <summary>Each tracked step in <paramref name="names"/> ran, and only for the <paramref name="allowed"/> reasons.</summary>
    public static void AssertReasons(GeneratorRunResult result, string[] names, params IncrementalStepRunReason[] allowed)
    {
        foreach (var name in names)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var runs) && !runs.IsEmpty, $"no tracked step {name}");
            var reasons = runs.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.True(reasons.All(allowed.Contains), $"{name}: [{string.Join(", ", reasons)}], expected only [{string.Join(", ", allowed)}]");
        }
    }

    /// <summary>The compilation with file <paramref name="file"/> (File{n}.cs) replaced by <paramref name="source"/>.</summary>
    public static Compilation Replace(Compilation compilation, int file, string source)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == $"File{file}.cs");
        return compilation.ReplaceSyntaxTree(old, GeneratorHarness.Parse(source, old.FilePath));
    }
}
