using System.Text.Json;
using TopoDsl.Homology.Sublevel;

namespace TopoDsl.Homology.Tests.Sublevel;

public class SublevelOutputTests
{
    private static SublevelResult PathExample() => SublevelPersistence.OnGraph([0, 3, 1, 4, 2], [0, 1, 2, 3], [1, 2, 3, 4]);

    private static string Json(SublevelResult result, bool indented = false)
    {
        var text = new StringWriter();
        SublevelJson.Write(result, text, indented);
        return text.ToString();
    }

    [Fact]
    public void Json_lists_bars_merges_and_component_minima()
    {
        const string expected =
            """{"bars":[{"birth":1,"death":3,"minimum":2},{"birth":2,"death":4,"minimum":4},{"birth":0,"death":null,"minimum":0}],"merges":[{"dying_minimum":2,"surviving_minimum":0,"edge":[1,2],"saddle":1,"birth":1,"death":3},{"dying_minimum":4,"surviving_minimum":0,"edge":[3,4],"saddle":3,"birth":2,"death":4}],"component_minima":[0]}""";
        Assert.Equal(expected + "\n",
            Json(PathExample()));
    }

    [Fact]
    public void Json_with_locations_and_paths_places_each_minimum_and_saddle_and_walks_over_the_saddle()
    {
        var text = new StringWriter();
        SublevelJson.Write(PathExample(), text, new SublevelJsonOptions { Locate = v => [10.0 * v, -v], Paths = true });

        using var doc = JsonDocument.Parse(text.ToString());
        var bars = doc.RootElement.GetProperty("bars");
        Assert.Equal([20.0, -2.0], bars[0].GetProperty("minimum_at").EnumerateArray().Select(e => e.GetDouble()));
        var second = doc.RootElement.GetProperty("merges")[1];
        Assert.Equal([30.0, -3.0], second.GetProperty("saddle_at").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([4, 3, 2, 1, 0], second.GetProperty("path").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Text_with_paths_adds_a_commented_header_and_one_path_per_finite_bar()
    {
        var text = new StringWriter();
        SublevelText.Write(PathExample(), text, paths: true);

        Assert.Equal("1 3\n2 4\n0 inf\n# paths: dying minimum -> surviving minimum over the saddle: the vertices from one to the other\n" +
            "2 -> 0 over 1: 2 1 0\n4 -> 0 over 3: 4 3 2 1 0\n", text.ToString());
    }

    [Fact]
    public void Json_numbers_round_trip_and_indented_output_parses()
    {
        double birth = 0.1 + 0.2, death = Math.PI;
        var result = SublevelPersistence.OnGraph([birth, death, -1e-300], [0, 1], [1, 2]);

        using var doc = JsonDocument.Parse(Json(result, indented: true));
        var bars = doc.RootElement.GetProperty("bars");
        Assert.Equal(birth, bars[0].GetProperty("birth").GetDouble());
        Assert.Equal(death, bars[0].GetProperty("death").GetDouble());
        Assert.Equal(-1e-300, bars[1].GetProperty("birth").GetDouble());
        Assert.Equal(JsonValueKind.Null, bars[1].GetProperty("death").ValueKind);
        Assert.Equal([2], doc.RootElement.GetProperty("component_minima").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Large_results_are_written_whole_across_chunks()
    {
        var g = RandomGraph.Gaussian(new Random(8), 20_000, 25_000);
        var result = SublevelPersistence.OnGraph(g.Values, g.Sources, g.Targets);

        using var doc = JsonDocument.Parse(Json(result));

        var bars = doc.RootElement.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(result.Bars.Count, bars.Count);
        Assert.Equal(result.Merges.Count, doc.RootElement.GetProperty("merges").GetArrayLength());
        Assert.Equal(result.ComponentMinima.Count, doc.RootElement.GetProperty("component_minima").GetArrayLength());
        Assert.Equal(result.Bars[^1].Birth, bars[^1].GetProperty("birth").GetDouble());
        Assert.Equal(result.Merges[^1].DyingMinimum,
            doc.RootElement.GetProperty("merges")[result.Merges.Count - 1].GetProperty("dying_minimum").GetInt32());
    }

    [Fact]
    public void Text_has_one_round_trip_line_per_bar()
    {
        var text = new StringWriter();
        SublevelText.Write(PathExample(), text);
        Assert.Equal("1 3\n2 4\n0 inf\n", text.ToString());

        var precise = new StringWriter();
        SublevelText.Write(SublevelPersistence.OnGraph([0.1 + 0.2, 1.0 / 3], [0], [1]), precise);
        Assert.Equal("0.30000000000000004 inf\n", precise.ToString());
    }
}
