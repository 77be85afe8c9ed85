using System.Globalization;

namespace TopoDsl.Experiments.Running;

/// <summary>
/// The command line that runs one shard of a sweep: what a Slurm script and a Kubernetes pod run (<c>--shard auto</c>),
/// and what <c>collect</c> tells a person to run for a missing cell.
/// </summary>
public static class ShardCommandLine
{
    /// <summary><c>run NAME --out DIR --shard SHARD [--threads N] [--quick] [--seeds N]</c>, as words.</summary>
    public static List<string> Arguments(string experiment, string output, string shard, bool quick, int? seeds, int? threads = null)
    {
        var words = new List<string> { "run", experiment, "--out", output, "--shard", shard };
        if (threads is int n) words.AddRange(["--threads", n.ToString(CultureInfo.InvariantCulture)]);
        if (quick) words.Add("--quick");
        if (seeds is int s) words.AddRange(["--seeds", s.ToString(CultureInfo.InvariantCulture)]);
        return words;
    }

    /// <summary>The words as one line for a POSIX shell.</summary>
    public static string ForShell(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    /// <summary>A word for a POSIX shell: single-quoted unless it is plain.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '=' or ':' or '+' or ',')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
