using System.Globalization;
using System.Text.Json;

namespace TopoDsl.Cli.Tests;

/// <summary>A fact that needs Debian's ripser and GNU time, under which <c>topo bench ph</c> runs both sides.</summary>
public sealed class PhBenchFactAttribute : FactAttribute
{
    public PhBenchFactAttribute()
    {
        if ((!OracleTools.HasRipser || !File.Exists("/usr/bin/time")) && !OracleTools.Required)
            Skip = "oracle missing: install Debian's ripser and time (apt-get install ripser time) to run this test";
    }
}

public sealed class PhBenchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [PhBenchFact]
    public void The_JIT_build_reports_that_it_ran_on_the_JIT()
    {
        // PublishAot writes IsDynamicCodeSupported=false into the JIT build's runtimeconfig.json as well, and this build once
        // reported itself as native on that basis. (NativeToolTests checks that the installed native tool says native-aot.)
        string generated = Directory.CreateDirectory(Path.Combine(_folder.Path, "data", "generated")).FullName;
        File.WriteAllLines(Path.Combine(generated, "torus_2000.txt"), Enumerable.Range(0, 120).Select(i =>
        {
            double u = 2 * Math.PI * i / 120, v = 2 * Math.PI * (i * 7 % 120) / 120;
            return string.Create(CultureInfo.InvariantCulture, $"{(2 + Math.Cos(v)) * Math.Cos(u):R} {(2 + Math.Cos(v)) * Math.Sin(u):R} {Math.Sin(v):R}");
        }));
        string json = Path.Combine(_folder.Path, "bench.json");

        var run = Topo.Run("bench", "ph", "--data", Path.Combine(_folder.Path, "data"), "--only", "torus_2000", "--threads", "1", "--json", json);

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("jit", document.RootElement.GetProperty("topo_build").GetString());
        Assert.Contains("topo ran on the JIT", run.Stdout);
        Assert.True(Assert.Single(document.RootElement.GetProperty("datasets").EnumerateArray()).GetProperty("barcodes_agree").GetBoolean());
    }
}
