namespace TopoDsl.TestSupport;

/// <summary>The repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding TopoDsl.sln, above the test's own folder.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TopoDsl.sln"))) return dir.FullName;
            throw new InvalidOperationException("the repository root (TopoDsl.sln) is not above the test's folder");
        }
    }
}
