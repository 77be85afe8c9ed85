using System.Globalization;
using System.Text.Json;

namespace TopoDsl.Package.Tests;

/// <summary>
/// topo as users install it: <c>dotnet tool install</c> from the packed folder gives this machine the Native AOT
/// executable, which needs no .NET runtime, prints ripser's barcode, keeps most of its own code out of memory, and in
/// <c>topo bench ph</c> peaks at no more memory than ripser; the framework-dependent package, which every other platform
/// gets, prints the same barcode.
/// </summary>
public sealed class NativeToolTests : IClassFixture<PackedTool>
{
    private readonly PackedTool _tool;

    public NativeToolTests(PackedTool tool) => _tool = tool;

    [NativeToolFact]
    public void The_installed_tool_is_native_code_that_loads_no_dotnet_runtime_and_prints_ripsers_barcode()
    {
        string folder = _tool.Install("TopoDsl.Cli", "native");
        string topo = Path.Combine(folder, "topo");
        string target = new FileInfo(topo).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? topo;
        Assert.Contains($"topodsl.cli.{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}", target);
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(target)[..4]);
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".store"), "*.dll", SearchOption.AllDirectories));

        string cloud = Torus(Path.Combine(_tool.Root, "native-cloud.txt"), 300, seed: 7);
        string[] arguments = ["--format", "point-cloud", "--dim", "1", cloud];
        var ripser = OracleTools.Run("ripser", arguments);
        // An empty PATH, no runtime where DOTNET_ROOT points, and the dynamic loader reporting every library it loads: a
        // framework-dependent tool would load libhostfxr and libcoreclr (the any package's topo does); a native one loads neither.
        var (code, stdout, stderr) = OracleTools.Run(topo, ["ph", .. arguments], environment: new Dictionary<string, string>
        {
            ["PATH"] = Directory.CreateDirectory(Path.Combine(_tool.Root, "empty-path")).FullName,
            ["DOTNET_ROOT"] = Path.Combine(_tool.Root, "no-runtime-here"), ["LD_DEBUG"] = "libs",
        });

        Assert.True(code == 0, stderr);
        Assert.Contains("libc.so", stderr);   // the loader did report
        Assert.DoesNotContain("libhostfxr", stderr);
        Assert.DoesNotContain("libcoreclr", stderr);
        Assert.Equal(0, ripser.ExitCode);
        Assert.Contains("persistence intervals in dim 1:", stdout);
        Assert.Equal(ripser.Stdout, stdout);
    }

    [NativeToolFact]
    public void The_framework_dependent_package_runs_on_the_runtime_and_prints_the_same_barcode()
    {
        string folder = _tool.Install("TopoDsl.Cli.any", "any");
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, ".store"), "topo.dll", SearchOption.AllDirectories));

        string cloud = Torus(Path.Combine(_tool.Root, "any-cloud.txt"), 300, seed: 8);
        string[] arguments = ["--format", "point-cloud", "--dim", "1", cloud];
        var (code, stdout, stderr) = OracleTools.Run(Path.Combine(folder, "topo"), ["ph", .. arguments], environment: new Dictionary<string, string> { ["LD_DEBUG"] = "libs" });

        Assert.True(code == 0, stderr);
        Assert.Contains("libcoreclr", stderr);   // it runs on the .NET runtime
        Assert.Equal(OracleTools.Run("ripser", arguments).Stdout, stdout);
    }

    [NativeToolFact]
    public void In_bench_ph_the_installed_tool_agrees_with_ripser_and_peaks_below_it_in_memory()
    {
        string folder = _tool.Install("TopoDsl.Cli", "bench");
        // The benchmark's smallest input, torus_2000 at threshold 1, is where the two are closest: ripser's distance matrix is
        // 8 MB, and most of topo's peak is its own executable (see the README's Performance section). Here, a torus of as
        // many points drawn the same way.
        string data = Path.Combine(_tool.Root, "bench-data");
        Torus(Path.Combine(Directory.CreateDirectory(Path.Combine(data, "generated")).FullName, "torus_2000.txt"), 2000, seed: 2000);
        string json = Path.Combine(_tool.Root, "bench.json");

        var (code, _, stderr) = OracleTools.Run(Path.Combine(folder, "topo"),
            ["bench", "ph", "--data", data, "--only", "torus_2000", "--threads", "1,2", "--json", json]);

        Assert.True(code == 0, stderr);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("native-aot", document.RootElement.GetProperty("topo_build").GetString());
        var row = Assert.Single(document.RootElement.GetProperty("datasets").EnumerateArray());
        Assert.True(row.GetProperty("barcodes_agree").GetBoolean());
        long ripser = row.GetProperty("ripser").GetProperty("peak_bytes").GetInt64();
        foreach (var topo in row.GetProperty("topo").EnumerateArray())
        {
            long peak = topo.GetProperty("measurement").GetProperty("peak_bytes").GetInt64();
            Assert.True(peak <= ripser, $"topo on {topo.GetProperty("threads")} threads peaked at {peak / 1048576.0:0.0} MB, ripser at " +
                $"{ripser / 1048576.0:0.0} MB; if topo ph's code changed, src/TopoDsl.Cli/NativeLayout/record-hot-methods.sh lays it out again");
        }
    }

    [NativeToolFact]
    public void The_code_topo_ph_runs_is_laid_out_together_so_that_most_of_the_executables_code_is_never_mapped_in()
    {
        // The kernel maps 64 KB of an executable around each page that runs. In the compiler's own order the methods that
        // topo ph runs are spread over all the code, and 86-88 % of it was resident at exit (measured on the 2000-point
        // torus and on a 3-point cloud); laid out by NativeLayout/topo.order, 37-45 %. Half is the line between the two.
        string folder = _tool.Install("TopoDsl.Cli", "layout");
        string preload = Path.Combine(_tool.Root, "smaps_at_exit.so");
        string compiler = OracleTools.FindExecutable("clang") ?? OracleTools.FindExecutable("gcc")!;
        var build = OracleTools.Run(compiler, ["-shared", "-fPIC", "-O1", "-o", preload, Path.Combine(AppContext.BaseDirectory, "Native", "smaps_at_exit.c")]);
        Assert.True(build.ExitCode == 0, build.Stderr);
        string cloud = Torus(Path.Combine(_tool.Root, "layout-cloud.txt"), 2000, seed: 2000);
        string smaps = Path.Combine(_tool.Root, "layout-smaps.txt");

        var (code, _, stderr) = OracleTools.Run(Path.Combine(folder, "topo"), ["ph", "--format", "point-cloud", "--dim", "1", "--threshold", "1", cloud],
            environment: new Dictionary<string, string> { ["LD_PRELOAD"] = preload, ["SMAPS_AT_EXIT"] = smaps });

        Assert.True(code == 0, stderr);
        var (size, resident) = ExecutableCode(File.ReadAllLines(smaps));
        Assert.True(resident <= size / 2, $"{resident} of the executable's {size} KB of code were resident; if topo ph's code changed, " +
            "src/TopoDsl.Cli/NativeLayout/record-hot-methods.sh lays it out again");
    }

    // The Size and Rss (KB) of the mapping of topo's own code: executable, and backed by a file named topo.
    private static (long Size, long Resident) ExecutableCode(string[] smaps)
    {
        int header = Array.FindIndex(smaps, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, "r-xp", _, _, _, var file] && Path.GetFileName(file) == "topo");
        Assert.True(header >= 0, "no executable mapping of topo in its smaps");
        long Field(string name) => long.Parse(smaps.Skip(header + 1).First(line => line.StartsWith(name + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (Field("Size"), Field("Rss"));
    }

    // Points on the torus of radii 2 and 1 in R^3, uniform by area as the benchmark's torus_2000 is (its edges up to 1 number
    // about the same): the tube angle v is kept with probability (2 + cos v) / 3, the area element's share.
    private static string Torus(string path, int count, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path);
        for (int i = 0; i < count; i++)
        {
            double u = 2 * Math.PI * random.NextDouble(), v;
            do v = 2 * Math.PI * random.NextDouble();
            while (3 * random.NextDouble() > 2 + Math.Cos(v));
            double x = (2 + Math.Cos(v)) * Math.Cos(u), y = (2 + Math.Cos(v)) * Math.Sin(u), z = Math.Sin(v);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{x:R} {y:R} {z:R}"));
        }
        return path;
    }
}
