using System.Text.RegularExpressions;

namespace TopoDsl.Experiments.Results;

/// <summary>
/// The temporary files of atomic writes (".NAME.GUID.tmp") that a killed process left behind: a writer removes its own
/// temporary file when it fails, but not when it is killed. Whoever writes a folder next removes them first; only
/// one process writes a cell's folders at a time, so none of them is another writer's file in progress.
/// </summary>
internal static partial class StaleTemporaries
{
    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex Temporary();

    /// <summary>Removes the stale temporary files directly in <paramref name="folder"/> (and below it when <paramref name="recursive"/>).</summary>
    public static void Remove(string folder, bool recursive = false)
    {
        if (!Directory.Exists(folder)) return;
        foreach (string file in Directory.GetFiles(folder, ".*.tmp", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly))
            if (Temporary().IsMatch(Path.GetFileName(file))) File.Delete(file);
    }
}
