using System.Text.Json;

namespace TopoDsl.Cli.Bench;

/// <summary>A benchmark's rows as an indented JSON array of objects, each written by the caller.</summary>
internal static class JsonRows
{
    public static string Write<T>(IEnumerable<T> rows, Action<Utf8JsonWriter, T> writeFields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                writeFields(json, row);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
