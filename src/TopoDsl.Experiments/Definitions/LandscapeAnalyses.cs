using TopoDsl.Landscape.Homotopy;
using TopoDsl.Landscape.Paths;

namespace TopoDsl.Experiments.Definitions;

/// <summary>The loss-landscape analyses that follow an experiment's runs; each is off when null.</summary>
public sealed record LandscapeAnalyses
{
    /// <summary>A 2-D slice around each trained network ([LossSlice]).</summary>
    public SliceAnalysis? Slice { get; init; }

    /// <summary>The barcode of minima of each sweep point ([MinimaBarcode]).</summary>
    public MinimaAnalysis? Minima { get; init; }

    /// <summary>Homotopy classes of the runs' training paths ([HomotopyClasses]).</summary>
    public HomotopyAnalysis? Homotopy { get; init; }

    /// <summary>The generalisation gap fitted on the slices' total persistence ([GeneralisationFit]).</summary>
    public FitAnalysis? Fit { get; init; }

    /// <summary>Whether any analysis is declared.</summary>
    public bool Any => Slice is not null || Minima is not null || Homotopy is not null || Fit is not null;
}

/// <summary>[LossSlice] in runtime form.</summary>
public sealed record SliceAnalysis(int Resolution, double Span, int Samples);

/// <summary>[MinimaBarcode] in runtime form.</summary>
public sealed record MinimaAnalysis(int Samples, AutoNebOptions AutoNeb, int? MaxPairs)
{
    /// <summary>The AutoNEB options record compares by reference; the fingerprint needs its schedule as text.</summary>
    public override string ToString() =>
        $"MinimaAnalysis {{ Samples = {Samples}, Cycles = {string.Join(",", AutoNeb.Cycles.Select(c => $"{c.Steps}@{c.LearningRate:R}"))}, MaxPairs = {MaxPairs} }}";
}

/// <summary>[HomotopyClasses] in runtime form; <see cref="Every"/> 0 spreads twenty points over the run.</summary>
public sealed record HomotopyAnalysis(int Every, double Tolerance, HomotopyOptions Grid, int Samples, double From = 0)
{
    /// <summary>The path points' spacing for a run of <paramref name="total"/> steps.</summary>
    public int SpacingFor(int total) => Every > 0 ? Every : Math.Max(1, (total + 19) / 20);
}

/// <summary>[GeneralisationFit] in runtime form.</summary>
public sealed record FitAnalysis(double Confidence);
