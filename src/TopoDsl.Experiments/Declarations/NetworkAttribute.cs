namespace TopoDsl.Experiments;

/// <summary>
/// Marks the method that builds the experiment's network, instead of <see cref="MlpAttribute"/>. Its signature is
/// <c>static Module Name(ulong seed)</c>, the seed a stream of the run's own (not the one the data is drawn from); to
/// track neurons the module must be a <c>Sequential</c> of Linear layers.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <summary>What the network is, for the results (the method's name when empty).</summary>
    public string Description { get; set; } = "";
}
