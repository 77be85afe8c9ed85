namespace TopoDsl.Homology.Tests.IO;

/// <summary>A fact about file permissions, which root ignores: skipped visibly when the tests run as root.</summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "Unix file permissions only";
        else if (Environment.UserName == "root")
            Skip = "running as root, which can read any file regardless of its permissions";
    }
}
