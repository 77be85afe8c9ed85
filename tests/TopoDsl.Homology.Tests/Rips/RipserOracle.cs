using System.Globalization;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.IO;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>Runs Debian's ripser (or ripser-coeff) on a temporary file and reads its barcode.</summary>
internal static class RipserOracle
{
    public static List<List<PersistenceInterval>> Run(string fileText, string format, int dim, float? threshold = null,
        int modulus = 2)
    {
        var file = Path.Combine(Path.GetTempPath(), $"topodsl-oracle-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, fileText);
        try
        {
            var args = new List<string>();
            if (modulus != 2) args.AddRange(["--modulus", modulus.ToString(CultureInfo.InvariantCulture)]);
            args.AddRange(["--format", format, "--dim", dim.ToString(CultureInfo.InvariantCulture)]);
            if (threshold is float t) args.AddRange(["--threshold", t.ToString("R", CultureInfo.InvariantCulture)]);
            args.Add(file);
            var (code, stdout, stderr) = OracleTools.Run(modulus == 2 ? "ripser" : "ripser-coeff", args);
            Assert.True(code == 0, $"ripser failed: {stderr}");
            return Parse(stdout, dim);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static List<List<PersistenceInterval>> Parse(string stdout, int dim)
    {
        var barcode = BarcodeText.ParseRipserOutput(stdout);
        return Enumerable.Range(0, dim + 1)
            .Select(d => d <= barcode.MaxDimension ? barcode[d].ToList() : new List<PersistenceInterval>()).ToList();
    }
}
