using System.Reflection;

namespace TopoDsl.Package.Tests;

/// <summary>
/// Packs src/TopoDsl once for the test class, into a temporary feed. Consumers restore into their own packages
/// folder, so that a package cached by an earlier run under the same version can never stand in for this one.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Root = Directory.CreateTempSubdirectory("topodsl-package-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        PackagesFolder = Path.Combine(Root, "packages");
        var project = Path.Combine(Repository.Root, "src", "TopoDsl", "TopoDsl.csproj");
        var (code, output) = DotnetCli.Run(Root, "pack", project, "-c", Configuration, "--no-build", "-o", Feed);
        if (code != 0) throw new InvalidOperationException("dotnet pack failed:\n" + output);
        File = Directory.GetFiles(Feed, "TopoDsl.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(File)["TopoDsl.".Length..];
    }

    public string Root { get; }
    public string Feed { get; }
    public string PackagesFolder { get; }
    public string File { get; }
    public string Version { get; }

    /// <summary>A new console project that references the package from the feed, with <paramref name="program"/> as its Program.cs.</summary>
    public string NewConsumer(string name, string program)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        System.IO.File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TopoDsl" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        System.IO.File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="topodsl-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        System.IO.File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        return folder;
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

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
