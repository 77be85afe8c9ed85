namespace TopoDsl.Generators.Model;

/// <summary>
/// The names of generated files: Roslyn's AddSource refuses '@' (a verbatim identifier such as <c>@event</c> keeps
/// it in its text) and the angle brackets of generic names.
/// </summary>
internal static class HintNames
{
    /// <summary><paramref name="qualifiedName"/> (namespace and type, as written or displayed) and the file's kind.</summary>
    public static string Of(string qualifiedName, string kind) =>
        qualifiedName.Replace("global::", "").Replace("@", "").Replace('<', '{').Replace('>', '}') + $".{kind}.g.cs";
}
