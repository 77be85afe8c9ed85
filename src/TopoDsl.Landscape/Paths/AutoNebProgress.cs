namespace TopoDsl.Landscape.Paths;

/// <summary>Where an AutoNEB relaxation is: after a step of a cycle, with the chain's image count and highest image loss.</summary>
public readonly record struct AutoNebProgress(int Cycle, int Cycles, int Step, int Steps, int Images, double HighestImageLoss);
