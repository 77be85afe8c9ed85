namespace TopoDsl.Dsl;

/// <summary>The C# type of a hyperparameter member, as the source generator saw it.</summary>
public enum HyperparameterType { Float, Double, Int, FloatArray, DoubleArray, Unsupported }
