namespace TopoDsl.Homology.IO;

/// <summary>The command-line names of the <see cref="InputFormat"/>s and their parsing.</summary>
public static class InputFormats
{
    private static readonly (string Name, InputFormat Format)[] Table =
    [
        ("point-cloud", InputFormat.PointCloud),
        ("distance", InputFormat.Distance),
        ("lower-distance", InputFormat.LowerDistance),
        ("upper-distance", InputFormat.UpperDistance),
        ("sparse", InputFormat.Sparse),
    ];

    /// <summary>The valid names, in the order they are listed in messages.</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(entry => entry.Name).ToArray();

    public static string Name(this InputFormat format)
    {
        foreach (var (name, value) in Table)
            if (value == format) return name;
        throw new ArgumentOutOfRangeException(nameof(format), format, "not an input format");
    }

    /// <summary>
    /// Accepts the exact names and, as ripser does, any name starting with <c>point</c>, <c>dist</c>,
    /// <c>lower</c> or <c>upper</c> (so ripser command lines keep working).
    /// </summary>
    public static bool TryParse(string? name, out InputFormat format)
    {
        format = default;
        if (name is null) return false;
        foreach (var (known, value) in Table)
            if (name == known)
            {
                format = value;
                return true;
            }
        (string Prefix, InputFormat Format)[] ripserPrefixes =
        [
            ("lower", InputFormat.LowerDistance), ("upper", InputFormat.UpperDistance),
            ("dist", InputFormat.Distance), ("point", InputFormat.PointCloud),
        ];
        foreach (var (prefix, value) in ripserPrefixes)
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                format = value;
                return true;
            }
        return false;
    }

    /// <exception cref="ArgumentException">The name is unknown; the message lists the valid names.</exception>
    public static InputFormat Parse(string? name) =>
        TryParse(name, out var format)
            ? format
            : throw new ArgumentException(
                $"unknown input format '{name}'; valid formats are: {string.Join(", ", Names)}", nameof(name));
}
