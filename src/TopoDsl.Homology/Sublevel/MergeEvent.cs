namespace TopoDsl.Homology.Sublevel;

/// <summary>
/// One node of the merge tree: at edge (EdgeSource, EdgeTarget), whose value is Death, the component whose
/// minimum is DyingMinimum (a vertex index, value Birth) joined the older component whose minimum is
/// SurvivingMinimum. The finite bar of DyingMinimum is [Birth, Death).
/// </summary>
public readonly record struct MergeEvent(
    int DyingMinimum, int SurvivingMinimum, int EdgeSource, int EdgeTarget, double Birth, double Death)
{
    public double Persistence => Death - Birth;
}
