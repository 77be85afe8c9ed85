using System.Globalization;

namespace TopoDsl.Experiments.Results;

/// <summary>
/// <c>shards/sweep.txt</c>: the shard count and the cells of the sweep whose shards write into a folder, written once by
/// the first shard to start ("shards N", then one cell id per line); every later shard must run the same.
/// </summary>
/// <param name="Count">N, the number of shards.</param>
/// <param name="Cells">Every cell of the sweep, in order.</param>
internal sealed record ShardedSweepClaim(int Count, IReadOnlyList<string> Cells)
{
    private const string CountPrefix = "shards ";

    /// <summary>The file's text.</summary>
    public string Text => string.Join('\n', [CountPrefix + Count.ToString(CultureInfo.InvariantCulture), .. Cells]) + "\n";

    /// <summary>The claim in <paramref name="path"/>; null when there is none, or when the file is not one.</summary>
    public static ShardedSweepClaim? Read(string path)
    {
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        return lines.Length > 0 && lines[0].StartsWith(CountPrefix, StringComparison.Ordinal)
            && int.TryParse(lines[0].AsSpan(CountPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count >= 1
            ? new ShardedSweepClaim(count, lines.Skip(1).Where(line => line.Length > 0).ToList())
            : null;
    }
}
