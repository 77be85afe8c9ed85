namespace TopoDsl.Training.Tests.Oracles;

/// <summary>Conv2d(in, out, kernel, stride, padding, bias) with a square kernel.</summary>
public sealed record Conv2dSpec(int OutChannels, int Kernel, int Stride = 1, int Padding = 0, bool Bias = true);

/// <summary>MaxPool2d or AvgPool2d(kernel, stride) without padding (PyTorch defaults otherwise).</summary>
public sealed record Pool2dSpec(PoolKind Kind, int Kernel, int Stride);

/// <summary>
/// Input [N, InChannels, Height, Width] -> Conv2d -> act -> pool -> flatten -> Linear(flattened, Outputs) -> loss.
/// Parameters: conv weight [out_ch, in_ch, k, k], conv bias [out_ch] (if any), linear weight [Outputs, flattened],
/// linear bias [Outputs] (if any).
/// </summary>
public sealed record SmallCnn(
    int InChannels, int Height, int Width, Conv2dSpec Conv, Activation Activation, Pool2dSpec Pool,
    int Outputs, bool LinearBias, LossKind Loss) : TorchModel(Activation, Loss)
{
    public override int Outputs { get; } = Outputs;

    public int ConvHeight => (Height + 2 * Conv.Padding - Conv.Kernel) / Conv.Stride + 1;
    public int ConvWidth => (Width + 2 * Conv.Padding - Conv.Kernel) / Conv.Stride + 1;
    public int PooledHeight => (ConvHeight - Pool.Kernel) / Pool.Stride + 1;
    public int PooledWidth => (ConvWidth - Pool.Kernel) / Pool.Stride + 1;
    public int Flattened => Conv.OutChannels * PooledHeight * PooledWidth;

    public override IReadOnlyList<int[]> ParameterShapes()
    {
        var shapes = new List<int[]> { new[] { Conv.OutChannels, InChannels, Conv.Kernel, Conv.Kernel } };
        if (Conv.Bias) shapes.Add([Conv.OutChannels]);
        shapes.Add([Outputs, Flattened]);
        if (LinearBias) shapes.Add([Outputs]);
        return shapes;
    }

    internal override object ToJson() => new Dictionary<string, object>
    {
        ["type"] = "cnn",
        ["in_channels"] = InChannels,
        ["height"] = Height,
        ["width"] = Width,
        ["conv"] = new Dictionary<string, object>
        {
            ["out_channels"] = Conv.OutChannels, ["kernel"] = Conv.Kernel, ["stride"] = Conv.Stride,
            ["padding"] = Conv.Padding, ["bias"] = Conv.Bias,
        },
        ["activation"] = Name(Activation),
        ["pool"] = new Dictionary<string, object>
        {
            ["kind"] = Pool.Kind == PoolKind.Max ? "max" : "avg", ["kernel"] = Pool.Kernel, ["stride"] = Pool.Stride,
        },
        ["outputs"] = Outputs,
        ["linear_bias"] = LinearBias,
        ["loss"] = Name(Loss),
    };
}
