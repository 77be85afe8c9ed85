using System.Text;
using System.Text.Json;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.IO;

/// <summary>
/// Writes a result as JSON:
/// <code>
/// {"points":n,"threshold":t,"threshold_is_enclosing_radius":bool,
///  "dimensions":[{"dimension":0,"bars":[[b,d],...]},...],
///  "cocycles":[{"dimension":1,"birth":b,"death":d,"simplices":[{"vertices":[i,j],"coefficient":c},...]},...]}
/// </code>
/// An essential bar's death is null (as is an infinite threshold); numbers use the shortest round-trip form.
/// </summary>
public static class ResultJsonWriter
{
    public static void Write(Stream stream, RipsResult result, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        json.WriteStartObject();
        json.WriteNumber("points", result.PointCount);
        json.WritePropertyName("threshold");
        if (float.IsFinite(result.Threshold)) json.WriteNumberValue(result.Threshold);
        else json.WriteNullValue();
        json.WriteBoolean("threshold_is_enclosing_radius", result.ThresholdIsEnclosingRadius);
        WriteDimensions(json, result);
        WriteCocycles(json, result.Cocycles);
        json.WriteEndObject();
    }

    public static string ToJson(RipsResult result, bool indented = false)
    {
        using var buffer = new MemoryStream();
        Write(buffer, result, indented);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDimensions(Utf8JsonWriter json, RipsResult result)
    {
        json.WriteStartArray("dimensions");
        for (int dimension = 0; dimension <= result.Barcode.MaxDimension; dimension++)
        {
            json.WriteStartObject();
            json.WriteNumber("dimension", dimension);
            json.WriteStartArray("bars");
            foreach (var bar in result.Barcode[dimension])
            {
                json.WriteStartArray();
                json.WriteNumberValue(bar.Birth);
                WriteDeath(json, bar.Death);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteCocycles(Utf8JsonWriter json, IReadOnlyList<Cocycle> cocycles)
    {
        json.WriteStartArray("cocycles");
        foreach (var cocycle in cocycles)
        {
            json.WriteStartObject();
            json.WriteNumber("dimension", cocycle.Dimension);
            json.WriteNumber("birth", cocycle.Bar.Birth);
            json.WritePropertyName("death");
            WriteDeath(json, cocycle.Bar.Death);
            json.WriteStartArray("simplices");
            foreach (var entry in cocycle.Entries)
            {
                json.WriteStartObject();
                json.WriteStartArray("vertices");
                foreach (int vertex in entry.Vertices) json.WriteNumberValue(vertex);
                json.WriteEndArray();
                json.WriteNumber("coefficient", entry.Coefficient);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteDeath(Utf8JsonWriter json, double death)
    {
        if (double.IsPositiveInfinity(death)) json.WriteNullValue();
        else json.WriteNumberValue(death);
    }
}
