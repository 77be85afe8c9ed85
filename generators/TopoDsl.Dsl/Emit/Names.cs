namespace TopoDsl.Dsl.Emit;

/// <summary>
/// Names in the generated code. Everything derived from a DSL name ends with '_' and nothing else does, so a
/// rule's names never collide with the kernel's own variables or with C# keywords.
/// </summary>
internal static class Names
{
    public const string Float = "float";
    public const string Vector = "global::System.Numerics.Vector<float>";
    public const string VectorStatics = "global::System.Numerics.Vector";
    public const string MathF = "global::System.MathF";
    public const string Slot = "global::TopoDsl.Training.Optimizers.ParameterSlot";

    public const string Parameter = "p_";
    public const string Gradient = "g_";
    public const string Step = "t_";
    public const string ParameterSpan = "pSpan";
    public const string GradientSpan = "gSpan";

    public static string Dsl(string name) => name + "_";

    public static string Hyperparameter(string name) => name + "_";

    public static string StateArray(string name) => name + "_state";

    public static string Scalar(int id) => "c" + id;

    public static string Buffer(int id) => "b" + id;

    public static string Reduction(int id) => "r" + id;

    public static string Accumulator(int id) => "a" + id;

    public static string NeuronAccumulator(int id) => "q" + id;

    public static string ReductionOperand(int id) => "e" + id;
}
