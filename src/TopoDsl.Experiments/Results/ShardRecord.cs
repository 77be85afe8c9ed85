namespace TopoDsl.Experiments.Results;

/// <summary>
/// <c>shards/I-of-N.json</c>: what one shard of a sweep was asked to do, written by that shard alone when it starts;
/// <c>collect</c> reads them all to know the sweep and which cells it must find.
/// </summary>
public sealed class ShardRecord
{
    /// <summary>The experiment's name.</summary>
    public string Experiment { get; set; } = "";

    /// <summary>Whether the shard ran <c>--quick</c>.</summary>
    public bool Quick { get; set; }

    /// <summary>The <c>--seeds</c> option it was given (null: the declared seeds).</summary>
    public int? Seeds { get; set; }

    /// <summary>This shard, "I/N".</summary>
    public string Shard { get; set; } = "";

    /// <summary>Every cell of the sweep, in order.</summary>
    public List<string> Cells { get; set; } = [];

    /// <summary>The cells this shard runs.</summary>
    public List<string> Runs { get; set; } = [];
}
