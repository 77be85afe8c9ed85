using TopoDsl.Experiments.Running;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Experiments.Analyses;

/// <summary>Refuses saved paths that would not fit on disk, or in memory when read back, before any is written or read.</summary>
internal static class StorageBudget
{
    /// <summary>Refuses when <paramref name="bytes"/> exceed the free space of the file system holding <paramref name="folder"/>.</summary>
    public static void OnDisk(string folder, long bytes, string what)
    {
        if (FreeSpace(folder) is long free && bytes > free)
            throw new ExperimentException($"{what} need {MemoryEstimate.FormatBytes(bytes)} on disk and {folder} has {MemoryEstimate.FormatBytes(free)} free; " +
                                          "record fewer points ([HomotopyClasses(Every = ...)]) or use another --out");
    }

    /// <summary>Refuses when <paramref name="bytes"/> exceed the memory available to this process.</summary>
    public static void InMemory(long bytes, string what)
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (bytes > available)
            throw new ExperimentException($"{what} need {MemoryEstimate.FormatBytes(bytes)} in memory and {MemoryEstimate.FormatBytes(available)} is available; " +
                                          "compare fewer points ([HomotopyClasses(Every = ..., From = ...)]) or fewer runs");
    }

    // The free space of the mounted file system whose mount point is the longest prefix of the folder.
    private static long? FreeSpace(string folder)
    {
        try
        {
            string full = Path.GetFullPath(folder);
            var drive = DriveInfo.GetDrives().Where(d => d.IsReady && full.StartsWith(d.RootDirectory.FullName, StringComparison.Ordinal))
                .MaxBy(d => d.RootDirectory.FullName.Length);
            return drive?.AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // unknown: the writes themselves will say
        }
    }
}
