namespace TopoDsl.Training.Loop;

/// <summary>What a training-step callback sees: where the run is and the batch loss just computed.</summary>
public readonly record struct TrainingStep(int Epoch, int Step, int BatchInEpoch, int BatchesPerEpoch, double Loss);
