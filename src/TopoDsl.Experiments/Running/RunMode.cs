namespace TopoDsl.Experiments.Running;

/// <summary>What a run measures.</summary>
public enum RunMode
{
    /// <summary>Everything the experiment declares: certificate, topology, sharpness, clouds, losses.</summary>
    Tracked,

    /// <summary>Training and the final losses only (K at the start only when the step size is a multiple of eta*): the baseline of <c>bench</c>.</summary>
    TrainingOnly,
}
