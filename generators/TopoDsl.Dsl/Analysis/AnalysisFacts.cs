namespace TopoDsl.Dsl.Analysis;

/// <summary>What the abstract interpretation found besides its diagnostics.</summary>
internal sealed record AnalysisFacts(bool UsesNoise, bool UsesMatrixForms, bool UsesNeuronReductions, EquatableArray<Shape> LocalShapes);
