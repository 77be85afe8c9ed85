using Microsoft.CodeAnalysis;
using TopoDsl.Dsl;

namespace TopoDsl.Generators.Experiments;

/// <summary>
/// The loss-landscape attributes of an [Experiment] class ([LossSlice], [MinimaBarcode], [HomotopyClasses],
/// [GeneralisationFit]): their settings and whether the declared runs are enough for them, checked at build time; the
/// expression that builds their runtime form, or null when none is declared.
/// </summary>
internal static class LandscapeReader
{
    public delegate void Reporter(Dsl.DiagnosticDescriptor descriptor, Location at, params object[] arguments);

    /// <param name="one">Finds an attribute of the class by its short type name.</param>
    /// <param name="sweepPoints">Points of the sweep grid (1 without a sweep).</param>
    public static string? Read(Func<string, AttributeData?> one, AttributeData? train, AttributeData? quick, int sweepPoints, Reporter report, CancellationToken cancellation)
    {
        var slice = one("LossSliceAttribute");
        var minima = one("MinimaBarcodeAttribute");
        var homotopy = one("HomotopyClassesAttribute");
        var fit = one("GeneralisationFitAttribute");
        if (slice is null && minima is null && homotopy is null && fit is null) return null;

        void Check<T>(AttributeData attribute, string setting, T fallback, Func<T, bool> valid, string rule)
        {
            if (!valid(AttributeExpressions.Named(attribute, setting, fallback)))
                report(ExperimentDiagnostics.BadSetting, AttributeExpressions.NamedArgumentLocation(attribute, setting, cancellation),
                    $"[{Short(attribute)}({setting})] must be {rule}");
        }
        if (slice is not null)
        {
            Check(slice, "Resolution", 51, r => r is >= 2 and <= 1001, "2 to 1001");
            Check(slice, "Span", 1.0, s => s > 0 && !double.IsInfinity(s), "positive and finite");
            Check(slice, "Samples", 0, s => s >= 0, "0 (all) or more");
        }
        if (minima is not null)
        {
            Check(minima, "Cycles", 4, c => c >= 0, "0 or more");
            Check(minima, "FineCycles", 2, c => c >= 0, "0 or more");
            if (AttributeExpressions.Named(minima, "Cycles", 4) + AttributeExpressions.Named(minima, "FineCycles", 2) == 0)
                report(ExperimentDiagnostics.BadSetting, AttributeExpressions.LocationOf(minima, cancellation), "[MinimaBarcode] needs at least one AutoNEB cycle (Cycles + FineCycles)");
            Check(minima, "Steps", 200, s => s >= 1, "1 or more");
            Check(minima, "LearningRate", 0.01, r => r > 0 && !double.IsInfinity(r), "positive and finite");
            Check(minima, "FineLearningRate", 0.002, r => r > 0 && !double.IsInfinity(r), "positive and finite");
            Check(minima, "MaxPairs", 0, p => p >= 0, "0 (no limit) or more");
            Check(minima, "Samples", 0, s => s >= 0, "0 (all) or more");
        }
        if (homotopy is not null)
        {
            Check(homotopy, "Every", 0, e => e >= 0, "0 (twenty points per run) or more");
            Check(homotopy, "From", 0.0, f => f >= 0 && f < 1, "at least 0 (the whole run) and below 1");
            Check(homotopy, "Tolerance", 0.0, t => t >= 0 && !double.IsInfinity(t), "0 or more, and finite");
            Check(homotopy, "PathSamples", 21, s => s >= 2, "2 or more");
            Check(homotopy, "BlendSteps", 11, s => s >= 2, "2 or more");
            Check(homotopy, "Samples", 1000, s => s >= 0, "0 (all) or more");
        }
        if (fit is not null)
        {
            Check(fit, "Confidence", 0.95, c => c > 0 && c < 1, "strictly between 0 and 1");
            if (slice is null) report(ExperimentDiagnostics.FitWithoutSlice, AttributeExpressions.LocationOf(fit, cancellation));
        }

        int seeds = train is null ? 1 : AttributeExpressions.Named(train, "Seeds", 1);
        int quickSeeds = quick is null ? 0 : AttributeExpressions.Named(quick, "Seeds", 0);
        var needs = new List<(AttributeData Attribute, string What, Func<int, bool> Enough, Func<int, string> Runs)>();
        string Seeds(int n) => $"{n} seed{(n == 1 ? "" : "s")} per sweep point";
        string Runs(int n) => $"{n * sweepPoints} run{(n * sweepPoints == 1 ? "" : "s")}";
        if (minima is not null) needs.Add((minima, "at least two seeds per sweep point (each seed's trained network is a minimum)", n => n >= 2, Seeds));
        if (homotopy is not null) needs.Add((homotopy, "at least two runs to compare", n => n * sweepPoints >= 2, Runs));
        if (fit is not null) needs.Add((fit, "at least three runs to fit a line with a confidence interval", n => n * sweepPoints >= 3, Runs));
        foreach (var (attribute, what, enough, runs) in needs)
        {
            if (!enough(seeds))
                report(ExperimentDiagnostics.TooFewRuns, AttributeExpressions.LocationOf(attribute, cancellation), Short(attribute), what, $"[Train(Seeds = {seeds})] gives {runs(seeds)}");
            else if (quickSeeds > 0 && !enough(quickSeeds))
                report(ExperimentDiagnostics.TooFewQuickRuns, AttributeExpressions.NamedArgumentLocation(quick!, "Seeds", cancellation), Short(attribute), what, $"[Quick(Seeds = {quickSeeds})] gives {runs(quickSeeds)}");
        }
        string Argument(AttributeData? attribute) => attribute is null ? "null" : AttributeExpressions.Creation(attribute);
        return $"global::TopoDsl.Experiments.Parts.DeclaredParts.Landscape({Argument(slice)}, {Argument(minima)}, {Argument(homotopy)}, {Argument(fit)})";
    }

    /// <summary>
    /// Where the analysis attributes are written: each attribute list that holds only analysis attributes, else the
    /// attribute itself.
    /// </summary>
    public static List<Microsoft.CodeAnalysis.Text.TextSpan> AttributeSpans(Func<string, AttributeData?> one, CancellationToken cancellation)
    {
        var spans = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
        var names = new[] { "LossSliceAttribute", "MinimaBarcodeAttribute", "HomotopyClassesAttribute", "GeneralisationFitAttribute" };
        var syntaxes = names.Select(one).Where(a => a?.ApplicationSyntaxReference is not null)
            .Select(a => (Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax)a!.ApplicationSyntaxReference!.GetSyntax(cancellation)).ToList();
        foreach (var attribute in syntaxes)
        {
            if (attribute.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.AttributeListSyntax list) continue;
            if (list.Attributes.All(a => syntaxes.Any(s => s.Span == a.Span)))
            {
                spans.Add(list.Span);
                continue;
            }
            // In a list with other attributes: the attribute and the comma that separates it from its neighbour.
            int at = list.Attributes.IndexOf(attribute);
            var separators = list.Attributes.GetSeparators().ToList();
            var comma = at < separators.Count ? separators[at] : separators[at - 1];
            spans.Add(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(Math.Min(attribute.SpanStart, comma.SpanStart), Math.Max(attribute.Span.End, comma.Span.End)));
        }
        return spans;
    }

    private static string Short(AttributeData attribute) => attribute.AttributeClass!.Name.Replace("Attribute", "");
}
