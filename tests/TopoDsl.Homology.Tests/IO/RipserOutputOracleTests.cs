using System.Globalization;
using TopoDsl.Homology.IO;
using TopoDsl.Homology.Rips;
using Xunit.Abstractions;

namespace TopoDsl.Homology.Tests.IO;

public sealed class RipserOutputOracleTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// Ripser's stdout, read back into a barcode and written again with our header, is the same text byte for byte:
    /// the parser loses nothing and the writer prints as ripser prints.
    /// </summary>
    [RipserFact]
    public void Ripser_output_read_and_rewritten_is_identical()
    {
        var inputs = new RipserOracleInputs(_folder, seed: 8, points: 30, dimension: 2);
        foreach (var (format, file) in inputs.Files)
            foreach (var threshold in new[] { null, inputs.Threshold })
            {
                var stdout = RipserRun.Stdout(format, file, threshold, dimension: 2);
                float? limit = threshold is null ? null : float.Parse(threshold, CultureInfo.InvariantCulture);
                var header = RipserHeader.Describe(MetricReader.Read(file, format), limit);
                var result = new RipsResult
                {
                    Barcode = BarcodeText.ParseRipserOutput(stdout),
                    Threshold = limit ?? header.EnclosingRadius,
                    ThresholdIsEnclosingRadius = limit is null,
                    PointCount = header.PointCount,
                };

                output.WriteLine($"--format {format.Name()} --threshold {threshold ?? "(none)"}: bars per dimension " +
                    string.Join("/", Enumerable.Range(0, result.Barcode.MaxDimension + 1).Select(k => result.Barcode[k].Count)));
                Assert.Equal(stdout, RipserTextWriter.ToText(result, header.Lines()));
            }
    }
}
