using System.Globalization;
using System.Text.RegularExpressions;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Tests.Oracles;

namespace TopoDsl.Homology.Tests.Rips;

/// <summary>Runs Debian's ripser (or ripser-coeff) on a temporary file and reads its barcode.</summary>
internal static partial class RipserOracle
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

    [GeneratedRegex(@"^\s*\[([^,]+),\s*([^)]*)\)")]
    private static partial Regex BarLine();

    public static List<List<PersistenceInterval>> Parse(string stdout, int dim)
    {
        var bars = Enumerable.Range(0, dim + 1).Select(_ => new List<PersistenceInterval>()).ToList();
        int current = -1;
        foreach (var line in stdout.Split('\n'))
        {
            if (line.StartsWith("persistence intervals in dim ", StringComparison.Ordinal))
            {
                current = int.Parse(line["persistence intervals in dim ".Length..].TrimEnd(':', ' ', '\r'), CultureInfo.InvariantCulture);
                continue;
            }
            var m = BarLine().Match(line);
            if (!m.Success || current < 0) continue;
            double birth = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            string deathText = m.Groups[2].Value.Trim();
            double death = deathText.Length == 0 ? double.PositiveInfinity : double.Parse(deathText, CultureInfo.InvariantCulture);
            bars[current].Add(new PersistenceInterval(birth, death));
        }
        return bars;
    }
}
