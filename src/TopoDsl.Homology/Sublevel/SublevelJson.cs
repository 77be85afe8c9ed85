using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// Writes a SublevelResult as JSON:
/// {"bars":[{"birth":b,"death":d|null}], "merges":[{"dying_minimum":v,"surviving_minimum":w,"edge":[u,v],
/// "birth":b,"death":d}], "component_minima":[v]}. Essential bars have "death": null. Numbers use the
/// shortest text that round-trips to the same double.
/// </summary>
public static class SublevelJson
{
    // Output is flushed to the TextWriter in chunks of about this size, so memory stays flat for large results.
    private const int ChunkBytes = 1 << 16;

    public static void Write(SublevelResult result, TextWriter output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteStartArray("bars");
            foreach (var bar in result.Bars)
            {
                json.WriteStartObject();
                json.WriteNumber("birth", bar.Birth);
                if (bar.IsEssential) json.WriteNull("death");
                else json.WriteNumber("death", bar.Death);
                json.WriteEndObject();
                DrainWhenFull(json, buffer, output);
            }
            json.WriteEndArray();

            json.WriteStartArray("merges");
            foreach (var merge in result.Merges)
            {
                WriteMerge(json, merge);
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

    private static void WriteMerge(Utf8JsonWriter json, MergeEvent merge)
    {
        json.WriteStartObject();
        json.WriteNumber("dying_minimum", merge.DyingMinimum);
        json.WriteNumber("surviving_minimum", merge.SurvivingMinimum);
        json.WriteStartArray("edge");
        json.WriteNumberValue(merge.EdgeSource);
        json.WriteNumberValue(merge.EdgeTarget);
        json.WriteEndArray();
        json.WriteNumber("birth", merge.Birth);
        json.WriteNumber("death", merge.Death);
        json.WriteEndObject();
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
