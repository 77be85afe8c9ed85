using System.Text.Json;
using System.Text.Json.Serialization;

namespace TopoDsl.Experiments;

/// <summary>The JSON conventions of results files and checkpoints: camelCase names, indented, nulls omitted.</summary>
internal static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The same without indentation, for checkpoints: no one reads them, and each one rewrites a run's history.</summary>
    public static JsonSerializerOptions Compact { get; } = new(Options) { WriteIndented = false };
}
