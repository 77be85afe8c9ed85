namespace TopoDsl.Cli.Bench;

internal static class ThreadList
{
    /// <summary>"1,2" to [1, 2]; anything else is a usage error naming the option.</summary>
    public static List<int> Parse(string text, string option) =>
        text.Split(',').Select(t => int.TryParse(t, out int n) && n > 0 ? n
            : throw new UsageException($"{option}: '{t}' is not a positive thread count")).ToList();
}
