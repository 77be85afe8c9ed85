namespace TopoDsl.Training.Data;

/// <summary>Standardisation of pixel values already scaled to [0, 1]: (x − Mean) / Std.</summary>
public readonly record struct Normalization(float Mean, float Std);
