using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Writes a result as ripser 1.2.1 prints it: the header lines, then for each dimension k
/// <c>persistence intervals in dim k:</c> followed by one line per bar, <c> [b,d)</c> or <c> [b, )</c> for an
/// essential class, numbers as C++ iostreams print them. Lines end with "\n".
/// <para>
/// With cocycles, each finite bar of dimension 1 that has a representative cocycle is followed on the same line by
/// <c>:  {[i,j]:c, [k,l]:c}</c>: the cocycle's simplices (vertices in the order stored) with their coefficients,
/// separated by ", ", in the style of ripser's representative-cocycles branch. <see cref="BarcodeText"/> reads it back.
/// </para>
/// </summary>
public static class RipserTextWriter
{
    public static void Write(TextWriter writer, RipsResult result, IEnumerable<string>? headerLines = null,
        bool withCocycles = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var line in headerLines ?? []) WriteLine(writer, line);
        var cocycles = withCocycles ? new CocycleLookup(result.Cocycles) : null;
        var barcode = result.Barcode;
        for (int dimension = 0; dimension <= barcode.MaxDimension; dimension++)
        {
            WriteLine(writer, $"persistence intervals in dim {dimension}:");
            foreach (var bar in barcode[dimension])
            {
                writer.Write(BarText(bar));
                if (cocycles?.Take(dimension, bar) is Cocycle cocycle) writer.Write(CocycleSuffix(cocycle));
                writer.Write('\n');
            }
        }
    }

    public static string ToText(RipsResult result, IEnumerable<string>? headerLines = null, bool withCocycles = false)
    {
        var text = new StringWriter();
        Write(text, result, headerLines, withCocycles);
        return text.ToString();
    }

    /// <summary><c> [b,d)</c>, or <c> [b, )</c> when the bar is essential.</summary>
    public static string BarText(PersistenceInterval bar) =>
        bar.IsEssential
            ? $" [{CNumberFormat.General(bar.Birth)}, )"
            : $" [{CNumberFormat.General(bar.Birth)},{CNumberFormat.General(bar.Death)})";

    /// <summary><c>:  {[i,j]:c, ...}</c></summary>
    public static string CocycleSuffix(Cocycle cocycle) =>
        ":  {" + string.Join(", ", cocycle.Entries.Select(e => $"[{string.Join(",", e.Vertices)}]:{e.Coefficient}")) + "}";

    private static void WriteLine(TextWriter writer, string line)
    {
        writer.Write(line);
        writer.Write('\n');
    }

    /// <summary>Finds the cocycle of a bar; equal bars take their cocycles in the order listed.</summary>
    private sealed class CocycleLookup(IEnumerable<Cocycle> cocycles)
    {
        private readonly Dictionary<(int, PersistenceInterval), Queue<Cocycle>> _byBar = cocycles
            .GroupBy(c => (c.Dimension, c.Bar))
            .ToDictionary(g => g.Key, g => new Queue<Cocycle>(g));

        public Cocycle? Take(int dimension, PersistenceInterval bar) =>
            _byBar.TryGetValue((dimension, bar), out var queue) && queue.TryDequeue(out var cocycle) ? cocycle : null;
    }
}
