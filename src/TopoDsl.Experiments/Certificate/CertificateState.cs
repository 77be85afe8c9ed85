namespace TopoDsl.Experiments.Certificate;

/// <summary>A certificate's running totals, saved in a checkpoint.</summary>
/// <param name="Steps">Steps observed.</param>
/// <param name="FirstFailure">The first step that left the bounds, if any.</param>
/// <param name="MaxRatioDeviation">The largest |ratio − 1| beyond rounding so far.</param>
/// <param name="MergeEvents">Merges so far.</param>
/// <param name="MergeDistance">The absolute merge distance, fixed at the start from the initial diameter.</param>
public sealed record CertificateState(int Steps, int? FirstFailure, double MaxRatioDeviation, long MergeEvents, float MergeDistance);
