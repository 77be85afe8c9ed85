namespace TopoDsl.Experiments.Results;

/// <summary>The least-squares line of a generalisation gap on the runs' slice total persistence.</summary>
public sealed class GeneralisationFitResult
{
    /// <summary>What is fitted: "test loss - train loss" or "train accuracy - test accuracy".</summary>
    public string Gap { get; set; } = "";

    /// <summary>The runs, in order.</summary>
    public List<string> Cells { get; set; } = [];

    /// <summary>Each run's total persistence.</summary>
    public double[] TotalPersistence { get; set; } = [];

    /// <summary>Each run's gap.</summary>
    public double[] Gaps { get; set; } = [];

    /// <summary>The line's slope: gap per unit of total persistence.</summary>
    public double Slope { get; set; }

    /// <summary>The line's gap at zero total persistence.</summary>
    public double Intercept { get; set; }

    /// <summary>The fraction of the gaps' variance the line explains.</summary>
    public double RSquared { get; set; }

    /// <summary>The lower end of the slope's confidence interval (Student t).</summary>
    public double SlopeLow { get; set; }

    /// <summary>The upper end of the slope's confidence interval.</summary>
    public double SlopeHigh { get; set; }

    /// <summary>The interval's confidence level.</summary>
    public double Confidence { get; set; }
}
