using System.Globalization;
using TopoDsl.Homology.IO;
using Xunit.Abstractions;

namespace TopoDsl.Homology.Tests.IO;

public sealed class RipserHeaderOracleTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [RipserFact]
    public void Our_header_lines_equal_ripsers_in_every_format_with_and_without_threshold()
    {
        var inputs = new RipserOracleInputs(_folder);
        foreach (var (format, file) in inputs.Files)
            foreach (var threshold in new[] { null, inputs.Threshold })
            {
                var ripser = RipserRun.Stdout(format, file, threshold);
                var expected = RipserRun.HeaderLines(ripser);
                var ours = RipserHeader.Describe(MetricReader.Read(file, format),
                    threshold is null ? null : float.Parse(threshold, CultureInfo.InvariantCulture)).Lines();

                output.WriteLine($"--format {format.Name()} --threshold {threshold ?? "(none)"}: {string.Join(" | ", ours)}");
                Assert.True(expected.SequenceEqual(ours),
                    $"--format {format.Name()} --threshold {threshold ?? "(none)"}:\nripser:\n{string.Join("\n", expected)}\nours:\n{string.Join("\n", ours)}");
            }
    }
}
