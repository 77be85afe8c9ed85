namespace TopoDsl.Training.Tests.Oracles;

/// <summary>
/// Linear(w0, w1) -> act -> Linear(w1, w2) -> act -> ... -> Linear(w[^2], w[^1]) -> loss; no activation after
/// the last layer. Parameters per layer: weight [out, in], then bias [out] when <c>Bias[layer]</c>.
/// </summary>
public sealed record Mlp : TorchModel
{
    public int[] Widths { get; }
    public bool[] Bias { get; }

    public Mlp(int[] widths, bool[] bias, Activation activation, LossKind loss) : base(activation, loss)
    {
        if (widths.Length < 2) throw new ArgumentException("an MLP needs at least [in, out] widths", nameof(widths));
        if (widths.Any(w => w <= 0)) throw new ArgumentException("widths must be positive", nameof(widths));
        if (bias.Length != widths.Length - 1)
            throw new ArgumentException($"{widths.Length - 1} layers need {widths.Length - 1} bias flags, got {bias.Length}", nameof(bias));
        Widths = widths;
        Bias = bias;
    }

    public Mlp(int[] widths, bool bias, Activation activation, LossKind loss)
        : this(widths, Enumerable.Repeat(bias, Math.Max(widths.Length - 1, 0)).ToArray(), activation, loss)
    {
    }

    public int Layers => Widths.Length - 1;

    public override int Outputs => Widths[^1];

    public override IReadOnlyList<int[]> ParameterShapes()
    {
        var shapes = new List<int[]>();
        for (var layer = 0; layer < Layers; layer++)
        {
            shapes.Add([Widths[layer + 1], Widths[layer]]);
            if (Bias[layer]) shapes.Add([Widths[layer + 1]]);
        }
        return shapes;
    }

    internal override object ToJson() => new Dictionary<string, object>
    {
        ["type"] = "mlp",
        ["widths"] = Widths,
        ["bias"] = Bias,
        ["activation"] = Name(Activation),
        ["loss"] = Name(Loss),
    };
}
