namespace TopoDsl.Experiments.Results;

/// <summary>The <c>landscape</c> section of <c>results.json</c>: what the declared loss-landscape analyses found.</summary>
public sealed class LandscapeResults
{
    /// <summary>Runs left out of every analysis, each with the reason (a diverged run has no minimum).</summary>
    public List<string> Excluded { get; set; } = [];

    /// <summary>One slice per run ([LossSlice]).</summary>
    public List<SliceResult> Slices { get; set; } = [];

    /// <summary>One barcode of minima per sweep point ([MinimaBarcode]).</summary>
    public List<MinimaResult> Minima { get; set; } = [];

    /// <summary>The homotopy classes of all runs ([HomotopyClasses]).</summary>
    public HomotopyClassesResult? Homotopy { get; set; }

    /// <summary>The generalisation gap against total persistence ([GeneralisationFit]): loss gap, and accuracy gap for labelled data.</summary>
    public List<GeneralisationFitResult> Fits { get; set; } = [];

    /// <summary>Analyses that could not be made, each with the reason (too few runs, no spread in total persistence).</summary>
    public List<string> Notes { get; set; } = [];
}
