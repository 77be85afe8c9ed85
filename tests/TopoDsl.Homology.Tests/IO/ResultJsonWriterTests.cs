using System.Text.Json;
using TopoDsl.Homology.Diagrams;
using TopoDsl.Homology.IO;
using TopoDsl.Homology.Rips;

namespace TopoDsl.Homology.Tests.IO;

public class ResultJsonWriterTests
{
    [Fact]
    public void Writes_the_documented_shape()
    {
        var json = ResultJsonWriter.ToJson(new RipsResult
        {
            Barcode = new Barcode([[new PersistenceInterval(0, 1), new PersistenceInterval(0, double.PositiveInfinity)], []]),
            Threshold = 1.5f,
            ThresholdIsEnclosingRadius = true,
            PointCount = 2,
            Cocycles = [new Cocycle(1, new PersistenceInterval(1, 2), [new CocycleEntry([1, 0], 1)])],
        });

        Assert.Equal(
            ("{'points':2,'threshold':1.5,'threshold_is_enclosing_radius':true," +
             "'dimensions':[{'dimension':0,'bars':[[0,1],[0,null]]},{'dimension':1,'bars':[]}]," +
             "'cocycles':[{'dimension':1,'birth':1,'death':2,'simplices':[{'vertices':[1,0],'coefficient':1}]}]}")
            .Replace('\'', '"'),
            json);
    }

    [Fact]
    public void Numbers_round_trip()
    {
        var result = SampleResults.Hexagon(withCocycles: true);

        using var document = JsonDocument.Parse(ResultJsonWriter.ToJson(result, indented: true));
        var root = document.RootElement;

        Assert.Equal(result.Threshold, root.GetProperty("threshold").GetSingle());
        var dimensions = root.GetProperty("dimensions");
        for (int k = 0; k <= result.Barcode.MaxDimension; k++)
        {
            var bars = dimensions[k].GetProperty("bars").EnumerateArray()
                .Select(b => new PersistenceInterval(b[0].GetDouble(),
                    b[1].ValueKind == JsonValueKind.Null ? double.PositiveInfinity : b[1].GetDouble()));
            Assert.Equal(result.Barcode[k], bars);
        }
        var cocycle = root.GetProperty("cocycles")[0];
        Assert.Equal(SampleResults.Loop.Death, cocycle.GetProperty("death").GetDouble());
        Assert.Equal([4, 1], cocycle.GetProperty("simplices")[1].GetProperty("vertices").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public void An_infinite_threshold_is_null()
    {
        var json = ResultJsonWriter.ToJson(new RipsResult
        {
            Barcode = new Barcode([[]]), Threshold = float.PositiveInfinity, ThresholdIsEnclosingRadius = false, PointCount = 0,
        });

        Assert.Contains("\"threshold\":null", json);
    }
}
