using System.Runtime.CompilerServices;

namespace TopoDsl.Generators.Tests.Harness;

/// <summary>
/// Golden files: Golden/&lt;Name&gt;.g.cs.txt next to this project's sources, compared with line endings normalized.
/// With TOPODSL_ACCEPT=1 the files are (re)written instead of compared.
/// </summary>
public static class Golden
{
    public const string AcceptVariable = "TOPODSL_ACCEPT";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static string Directory([CallerFilePath] string caller = "")
    {
        // The source folder as the compiler saw it; when the build mapped paths away, the project folder above the output.
        var fromSource = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(caller)) ?? "", "Golden");
        if (System.IO.Directory.Exists(fromSource)) return fromSource;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TopoDsl.Generators.Tests.csproj")))
                return Path.Combine(dir.FullName, "Golden");
        throw new DirectoryNotFoundException($"the Golden folder of TopoDsl.Generators.Tests (looked at {fromSource} and above {AppContext.BaseDirectory})");
    }

    public static string PathOf(string name) => Path.Combine(Directory(), name + ".g.cs.txt");

    public static void Verify(string name, string actual)
    {
        var path = PathOf(name);
        actual = Normalize(actual);
        if (Accepting)
        {
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
