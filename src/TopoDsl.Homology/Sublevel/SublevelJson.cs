using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// Writes a SublevelResult as JSON:
/// {"bars":[{"birth":b,"death":d|null,"minimum":v}], "merges":[{"dying_minimum":v,"surviving_minimum":w,"edge":[u,v],
/// "saddle":s,"birth":b,"death":d}], "component_minima":[v]}. Essential bars have "death": null. With
/// <see cref="SublevelJsonOptions.Locate"/>, bars add "minimum_at" and merges "saddle_at" (coordinates); with
/// <see cref="SublevelJsonOptions.Paths"/>, merges add "path", the minimax path from the dying minimum to the
/// surviving one. Numbers use the shortest text that round-trips to the same double.
/// </summary>
public static class SublevelJson
{
    // Output is flushed to the TextWriter in chunks of about this size, so memory stays flat for large results.
    private const int ChunkBytes = 1 << 16;

    public static void Write(SublevelResult result, TextWriter output, bool indented = false) =>
        Write(result, output, new SublevelJsonOptions { Indented = indented });

    public static void Write(SublevelResult result, TextWriter output, SublevelJsonOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = options.Indented }))
        {
            json.WriteStartObject();
            json.WriteStartArray("bars");
            for (int i = 0; i < result.Bars.Count; i++)
            {
                var bar = result.Bars[i];
                json.WriteStartObject();
                json.WriteNumber("birth", bar.Birth);
                if (bar.IsEssential) json.WriteNull("death");
                else json.WriteNumber("death", bar.Death);
                json.WriteNumber("minimum", result.Minima[i]);
                WriteLocation(json, "minimum_at", result.Minima[i], options);
                json.WriteEndObject();
                DrainWhenFull(json, buffer, output);
            }
            json.WriteEndArray();

            json.WriteStartArray("merges");
            for (int i = 0; i < result.Merges.Count; i++)
            {
                WriteMerge(json, result, i, options);
                DrainWhenFull(json, buffer, output);
            }
            json.WriteEndArray();

            json.WriteStartArray("component_minima");
            foreach (int minimum in result.ComponentMinima)
            {
                json.WriteNumberValue(minimum);
                DrainWhenFull(json, buffer, output);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
        }
        Drain(buffer, output);
        output.Write('\n');
    }

    private static void WriteMerge(Utf8JsonWriter json, SublevelResult result, int index, SublevelJsonOptions options)
    {
        var merge = result.Merges[index];
        json.WriteStartObject();
        json.WriteNumber("dying_minimum", merge.DyingMinimum);
        json.WriteNumber("surviving_minimum", merge.SurvivingMinimum);
        json.WriteStartArray("edge");
        json.WriteNumberValue(merge.EdgeSource);
        json.WriteNumberValue(merge.EdgeTarget);
        json.WriteEndArray();
        // A weighted graph's merges happen at edges, with no saddle vertex.
        int saddle = result.Saddles[index];
        if (saddle < 0) json.WriteNull("saddle");
        else json.WriteNumber("saddle", saddle);
        if (saddle >= 0) WriteLocation(json, "saddle_at", saddle, options);
        json.WriteNumber("birth", merge.Birth);
        json.WriteNumber("death", merge.Death);
        if (options.Paths)
        {
            json.WriteStartArray("path");
            foreach (int vertex in result.MinimaxPath(merge.DyingMinimum, merge.SurvivingMinimum)) json.WriteNumberValue(vertex);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, string name, int vertex, SublevelJsonOptions options)
    {
        if (options.Locate is not { } locate) return;
        json.WriteStartArray(name);
        foreach (double coordinate in locate(vertex)) json.WriteNumberValue(coordinate);
        json.WriteEndArray();
    }

    private static void DrainWhenFull(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        if (json.BytesPending + buffer.WrittenCount < ChunkBytes) return;
        json.Flush();
        Drain(buffer, output);
    }

    private static void Drain(ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
    }
}
