namespace TopoDsl.Experiments.Certificate;

/// <summary>
/// How one step moved the neurons relative to each other, over the pairs it looked at. Expansion and contraction
/// are the largest (‖x_i' − x_j'‖ − ‖x_i − x_j‖) / ‖x_i − x_j‖ and its negative, each beyond float32 rounding
/// (see <see cref="PairDistortion"/>); a pair that was at one point and came apart counts as infinite expansion.
/// </summary>
/// <param name="Expansion">The largest stretch of a pair beyond rounding, as a fraction of its old distance (0 if none).</param>
/// <param name="Contraction">The largest shrink of a pair beyond rounding, as a fraction of its old distance (0 if none).</param>
/// <param name="Merges">Pairs that were at least the merge tolerance apart before the step and closer after it.</param>
/// <param name="Pairs">How many pairs were compared.</param>
public readonly record struct StepDistortion(double Expansion, double Contraction, long Merges, long Pairs)
{
    /// <summary>max |ratio − 1| beyond rounding: the step's ‖U_i − U_j‖-type deviation, η K_hat for this step.</summary>
    public double MaxRatioDeviation => Math.Max(Expansion, Contraction);

    /// <summary>
    /// Whether every pair's ratio lies in [1 − ηK, 1 + ηK] (Lemma 4's bounds), up to rounding. When ηK ≥ 1 the lower
    /// bound is not positive and only the upper one constrains.
    /// </summary>
    public bool Within(double etaTimesK) => Expansion <= etaTimesK && (etaTimesK >= 1 || Contraction <= etaTimesK);
}
