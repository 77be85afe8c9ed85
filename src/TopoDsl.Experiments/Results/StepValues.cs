namespace TopoDsl.Experiments.Results;

/// <summary>A value at a step.</summary>
public sealed record StepValue(int Step, double Value);

/// <summary>Values (one per homology dimension) at a step.</summary>
public sealed record StepValues<T>(int Step, T[] Values);

/// <summary>The measurement scale at a step.</summary>
/// <param name="Step">The step.</param>
/// <param name="Diameter">The cloud's diameter in the measurement coordinates.</param>
/// <param name="Scale">The Rips scale of the Betti numbers.</param>
/// <param name="Truncation">Where the filtration stopped.</param>
public sealed record ScaleAtStep(int Step, double Diameter, double Scale, double Truncation);

/// <summary>Persistence diagrams at a step: [dimension][bar] = [birth, death].</summary>
public sealed record StepDiagrams(int Step, double[][][] Bars);
