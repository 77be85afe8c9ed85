namespace TopoDsl.Experiments.Tests;

/// <summary>The TopologicalInvariance example's program, run as a child process from its own bin folder, and its output folders compared.</summary>
internal static class ExampleProgram
{
    /// <summary>Runs the example with <paramref name="arguments"/>; fails the test unless it exits with 0; returns its standard output.</summary>
    public static string Run(params string[] arguments) => RunWith(null, arguments);

    /// <summary>As <see cref="Run"/>, with these environment variables set for the child.</summary>
    public static string RunWith(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var (code, stdout, stderr) = Start(environment, arguments);
        Assert.True(code == 0, $"{string.Join(" ", arguments)} exited with {code}: {stderr}{stdout}");
        return stdout;
    }

    /// <summary>Runs the example and returns its exit code and output, whatever they are.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        string dll = Path.Combine(Repository.Root, "examples", "TopologicalInvariance", "bin", Configuration, "net10.0", "TopologicalInvariance.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host : OracleTools.FindExecutable("dotnet") ?? throw new InvalidOperationException("dotnet is not on PATH");
        return OracleTools.Run(dotnet, [dll, .. arguments], timeoutSeconds: 600, environment: environment);
    }

    /// <summary>
    /// Asserts that <paramref name="other"/> holds the same files as <paramref name="one"/>, byte for byte, apart from the
    /// top-level folders in <paramref name="except"/> (what only a sharded run writes).
    /// </summary>
    public static void AssertSameFiles(string one, string other, IReadOnlyList<string> except)
    {
        var files = Files(one);
        Assert.Contains("results.json", files);
        Assert.Equal(files, Files(other).Where(f => !except.Any(folder => f.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(one, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(other, file))), $"{file} differs");
    }

    private static List<string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
