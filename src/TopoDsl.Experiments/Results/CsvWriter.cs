using System.Globalization;
using TopoDsl.Homology.IO;

namespace TopoDsl.Experiments.Results;

/// <summary>Writes CSV files atomically: a header row, then one row per record; numbers in round-trip invariant form.</summary>
internal static class CsvWriter
{
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IEnumerable<object?>> rows) =>
        AtomicFile.WriteAllText(path, writer =>
        {
            writer.WriteLine(string.Join(",", header));
            foreach (var row in rows) writer.WriteLine(string.Join(",", row.Select(Format)));
        });

    /// <summary>A row-major H x D cloud, one neuron per row, columns x0..x(D−1).</summary>
    public static void WriteCloud(string path, float[] copy, int dimension)
    {
        AtomicFile.WriteAllText(path, writer =>
        {
            writer.WriteLine(string.Join(",", Enumerable.Range(0, dimension).Select(d => $"x{d}")));
            var line = new System.Text.StringBuilder();
            for (int i = 0; i < copy.Length / dimension; i++)
            {
                line.Clear();
                for (int d = 0; d < dimension; d++)
                {
                    if (d > 0) line.Append(',');
                    line.Append(copy[i * dimension + d].ToString("R", CultureInfo.InvariantCulture));
                }
                writer.WriteLine(line);
            }
        });
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
