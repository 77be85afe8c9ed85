namespace TopoDsl.TestSupport;

/// <summary>
/// A single-node Slurm cluster for one test: munged, slurmctld and slurmd on this machine (slurm-local.sh), stopped
/// and removed when disposed. It needs root and Debian's slurm-wlm and munge.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"topodsl-slurm-{Guid.NewGuid():N}");

    /// <summary>Starts the cluster and waits until its node is idle; fails with the script's reason when it cannot.</summary>
    public SlurmCluster()
    {
        var (code, stdout, stderr) = OracleTools.Run("/bin/bash", [Script, "start", _folder], timeoutSeconds: 120);
        if (code != 0)
        {
            Dispose();
            throw new InvalidOperationException($"the Slurm cluster did not start: {stdout.Trim()} {stderr.Trim()}");
        }
    }

    /// <summary>Why a Slurm test cannot run here, or null when it can (root, sbatch, munged).</summary>
    public static string? Unavailable =>
        !IsRoot() ? "Slurm tests need root to start munged and the Slurm daemons"
        : OracleTools.FindExecutable("sbatch") is null || !File.Exists("/usr/sbin/munged") ? "Slurm missing: install Debian's slurm-wlm and munge (apt-get install slurm-wlm munge)"
        : null;

    public void Dispose()
    {
        try
        {
            OracleTools.Run("/bin/bash", [Script, "stop", _folder], timeoutSeconds: 60);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Best effort: the daemons die with the machine, and the folder is temporary.
        }
    }

    private static bool IsRoot()
    {
        try
        {
            return File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))?.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Script => Path.Combine(Repository.Root, "tests", "TopoDsl.TestSupport", "Slurm", "slurm-local.sh");
}

/// <summary>A test that needs a Slurm cluster: skipped with the reason on a user's machine, required in CI.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (SlurmCluster.Unavailable is string reason && !OracleTools.Required) Skip = reason;
    }
}
