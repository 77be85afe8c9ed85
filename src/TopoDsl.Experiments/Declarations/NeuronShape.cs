namespace TopoDsl.Experiments;

/// <summary>The neuron initialisations of Yang et al., each a cloud of known topology.</summary>
public enum NeuronShape
{
    /// <summary>A figure-eight in the plane, Betti numbers (1, 2); needs 2-D neurons.</summary>
    FigureEight,

    /// <summary>Two disjoint circles, Betti numbers (2, 2); needs 2-D neurons.</summary>
    TwoCircles,

    /// <summary>A solid double torus (genus-2 handlebody), Betti numbers (1, 2, 0); needs 3-D neurons.</summary>
    SolidDoubleTorus,

    /// <summary>A unit 2-sphere embedded linearly in R^D, Betti numbers (1, 0, 1); needs D ≥ 3.</summary>
    EmbeddedSphere,
}
