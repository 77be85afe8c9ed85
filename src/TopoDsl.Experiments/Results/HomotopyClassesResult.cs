namespace TopoDsl.Experiments.Results;

/// <summary>The homotopy test of every pair of runs' training paths, and the classes at the declared tolerance.</summary>
public sealed class HomotopyClassesResult
{
    /// <summary>The runs compared, in order.</summary>
    public List<string> Cells { get; set; } = [];

    /// <summary>The training samples the loss is measured on.</summary>
    public int Samples { get; set; }

    /// <summary>The paths begin at this fraction of each run (0: at the start).</summary>
    public double From { get; set; }

    /// <summary>Path points compared per run.</summary>
    public int[] PathPoints { get; set; } = [];

    /// <summary>For each pair, the homotopy's highest loss minus the higher of the two paths' highest losses (0 on the diagonal).</summary>
    public double[][] Barriers { get; set; } = [];

    /// <summary>Two paths are in one class when their barrier is at most this.</summary>
    public double Tolerance { get; set; }

    /// <summary>Each run's class (0, 1, ... in order of each class's first run).</summary>
    public int[] Classes { get; set; } = [];

    /// <summary>The number of classes at each tolerance where it changes: [tolerance, classes].</summary>
    public double[][] ClassesByTolerance { get; set; } = [];

    /// <summary>Test accuracy per class: runs, mean, and the spread (highest minus lowest) within it; null without labels.</summary>
    public List<ClassAccuracy>? Accuracy { get; set; }

    /// <summary>The largest spread of test accuracy within one class.</summary>
    public double? WithinClassSpread { get; set; }

    /// <summary>The highest class mean minus the lowest.</summary>
    public double? BetweenClassSpread { get; set; }
}

/// <summary>One class's test accuracies.</summary>
public sealed record ClassAccuracy(int Class, int Runs, double Mean, double Spread);
