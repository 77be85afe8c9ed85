using System.Runtime.InteropServices;

namespace TopoDsl.Package.Tests;

/// <summary>
/// Packs topo as it ships, once for the test class: the pointer package, the Native AOT package for this machine's
/// runtime and the framework-dependent "any" package, into a temporary feed, building in a folder of its own so that
/// the repository's bin and obj folders (which other test assemblies run from) are left alone. Installs resolve
/// against that feed alone and into their own packages folder, so no cached package can stand in for these.
/// </summary>
public sealed class PackedTool : IDisposable
{
    public PackedTool()
    {
        Root = Directory.CreateTempSubdirectory("topodsl-tool-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        string project = Path.Combine(Repository.Root, "src", "TopoDsl.Cli", "TopoDsl.Cli.csproj");
        string artifacts = Path.Combine(Root, "artifacts");
        foreach (var runtime in new string?[] { null, RuntimeInformation.RuntimeIdentifier, "any" })
        {
            string[] rid = runtime is null ? [] : ["-r", runtime];
            var (code, output) = DotnetCli.Run(Root, ["pack", project, "-c", "Release", "-o", Feed, "--artifacts-path", artifacts, .. rid]);
            if (code != 0) throw new InvalidOperationException($"dotnet pack {string.Join(' ', rid)} failed:\n{output}");
        }
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="topo-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Root { get; }
    public string Feed { get; }

    /// <summary>Runs <c>dotnet tool install PACKAGE --tool-path</c> into a new folder and returns that folder.</summary>
    public string Install(string package, string folderName)
    {
        string toolPath = Path.Combine(Root, folderName);
        var (code, output) = DotnetCli.RunWith(new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "packages-" + folderName) },
            Root, "tool", "install", package, "--tool-path", toolPath, "--configfile", Path.Combine(Root, "nuget.config"));
        if (code != 0) throw new InvalidOperationException($"dotnet tool install {package} failed:\n{output}");
        return toolPath;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A fact that packs the native tool: it needs a C toolchain for Native AOT's link (clang, or gcc) and Debian's ripser.</summary>
public sealed class NativeToolFactAttribute : FactAttribute
{
    public NativeToolFactAttribute()
    {
        if (OracleTools.Required) return;
        if (OracleTools.FindExecutable("clang") is null && OracleTools.FindExecutable("gcc") is null)
            Skip = "toolchain missing: Native AOT links with clang or gcc (apt-get install clang) to pack the native topo";
        else if (!OracleTools.HasRipser)
            Skip = "oracle missing: install Debian's ripser (apt-get install ripser) to compare the installed topo with it";
    }
}
