using System.Runtime.CompilerServices;

namespace TopoDsl.Generators.Tests.Harness;

/// <summary>
/// Golden files: Golden/&lt;Name&gt;.g.cs.txt (rules) and Experiments/Golden/&lt;Name&gt;.g.cs.txt (experiments) next to
/// this project's sources, compared with line endings normalized.
/// With TOPODSL_ACCEPT=1 the files are (re)written instead of compared.
/// </summary>
public static class Golden
{
    public const string AcceptVariable = "TOPODSL_ACCEPT";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>The golden folder of the update rules.</summary>
    public const string Rules = "Golden";

    /// <summary>The golden folder of the experiments.</summary>
    public const string Experiments = "Experiments/Golden";

    /// <param name="folder">Relative to the project folder: <see cref="Rules"/> or <see cref="Experiments"/>.</param>
    /// <param name="caller">This file, as the compiler saw it.</param>
    public static string Directory(string folder = Rules, [CallerFilePath] string caller = "")
    {
        // The source folder as the compiler saw it; when the build mapped paths away, the project folder above the output.
        var fromSource = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(caller)) ?? "", folder);
        if (System.IO.Directory.Exists(fromSource)) return fromSource;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TopoDsl.Generators.Tests.csproj")))
                return Path.Combine(dir.FullName, folder);
        throw new DirectoryNotFoundException($"the {folder} folder of TopoDsl.Generators.Tests (looked at {fromSource} and above {AppContext.BaseDirectory})");
    }

    public static string PathOf(string name, string folder = Rules) => Path.Combine(Directory(folder), name + ".g.cs.txt");

    public static void Verify(string name, string actual, string folder = Rules)
    {
        var path = PathOf(name, folder);
        actual = Normalize(actual);
        if (Accepting)
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no golden file {path}; create it with {AcceptVariable}=1 dotnet test tests/TopoDsl.Generators.Tests");
        var message = Compare(name, Normalize(File.ReadAllText(path)), actual, path);
        Assert.True(message is null, message);
    }

    /// <summary>Null when equal; else where the first difference is and how to accept the new text.</summary>
    public static string? Compare(string name, string expected, string actual, string path)
    {
        if (expected == actual) return null;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        string At(string[] lines) => line < lines.Length ? "`" + lines[line] + "`" : "<end of file>";
        return $"the generated code of {name} differs from {path} at line {line + 1}:\n" +
               $"  golden:    {At(e)}\n" +
               $"  generated: {At(a)}\n" +
               $"If the new code is intended, accept it: {AcceptVariable}=1 dotnet test tests/TopoDsl.Generators.Tests --filter FullyQualifiedName~Golden, then review the diff of {System.IO.Path.GetFileName(path)}.";
    }

    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
