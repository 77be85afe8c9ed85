namespace TopoDsl.Generators.Tests.Experiments;

/// <summary>C# files declaring experiments, for the tests: a valid declaration whose parts each test replaces.</summary>
public static class ExperimentSources
{
    /// <summary>The attributes of <see cref="Experiment"/> when a test does not replace them: a valid 1-16-1 figure-eight experiment under SGD.</summary>
    public const string Attributes = """
        [Experiment]
        [Mlp(1, 16, 1)]
        [TeacherStudentData(1)]
        [InitialNeurons(NeuronShape.FigureEight)]
        [Optimizer(typeof(Sgd))]
        [Train(Epochs = 2, BatchSize = 32)]
        """;

    /// <summary>The members of <see cref="Experiment"/> when a test does not replace them: lr swept over two values.</summary>
    public const string Members = "[Sweep(0.01, 0.02)] public double lr;";

    /// <summary>The class line of <see cref="Experiment"/> when a test does not replace it.</summary>
    public const string Class = "public partial class Exp";

    /// <summary>
    /// A file in <c>namespace Demo</c> with <c>{attributes} {declaration} { {members} }</c>, with the usings of
    /// TopoDsl.Experiments, TopoDsl.Rules and the training types a [Network], [Data] or [InitialNeurons] method needs.
    /// Any part may carry markup.
    /// </summary>
    public static string Experiment(string attributes = Attributes, string members = Members, string declaration = Class) =>
        File(Declaration(attributes, members, declaration));

    /// <summary>One class, without the usings and the namespace (<see cref="File"/> adds them).</summary>
    public static string Declaration(string attributes = Attributes, string members = Members, string declaration = Class) =>
        $"{attributes}\n{declaration}\n{{\n    {members}\n}}\n";

    /// <summary>The usings and <c>namespace Demo;</c>, then the declarations.</summary>
    public static string File(params string[] declarations) => """
        using TopoDsl.Experiments;
        using TopoDsl.Experiments.Definitions;
        using TopoDsl.Rules;
        using TopoDsl.Training.Modules;
        using TopoDsl.Training.Tensors;

        namespace Demo;


        """ + string.Join("\n", declarations);

    /// <summary><see cref="Attributes"/> with the experiment named by <paramref name="argument"/> (C#, may carry markup).</summary>
    public static string Named(string argument) => AttributesWith("[Experiment]", $"[Experiment({argument})]");

    /// <summary><see cref="Attributes"/> with one line replaced (the line that starts with <paramref name="start"/>) or removed (<paramref name="replacement"/> null).</summary>
    public static string AttributesWith(string start, string? replacement)
    {
        var lines = Attributes.Split('\n').ToList();
        int at = lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.True(at >= 0, $"no attribute line starts with {start}");
        if (replacement is null) lines.RemoveAt(at);
        else lines[at] = replacement;
        return string.Join("\n", lines);
    }

    /// <summary>
    /// An [UpdateRule] optimizer in source, Demo.Clipped: lr, eps (the step is Lipschitz only for eps &gt; 0), an int
    /// hyperparameter warmup, and a read-only one the generated factory must not assign.
    /// </summary>
    public const string ClippedRule = """"
        using TopoDsl;

        namespace Demo;

        [UpdateRule("""
            p -= lr * min(t / warmup, 1) * g / (norm(g, neuron) + eps)
            """)]
        public sealed partial class Clipped
        {
            public float lr = 0.01f;
            public float eps = 1e-8f;
            public int warmup = 10;
            public float scale => 1f;
        }

        """";

    /// <summary>An optimizer that is not an [UpdateRule] class: the rule checker has no verdict on it.</summary>
    public const string PlainOptimizer = """
        using System.Collections.Generic;
        using TopoDsl.Training.Optimizers;

        namespace Demo;

        public sealed class Plain : IOptimizer
        {
            public double lr { get; set; } = 0.1;
            public int Repeats { get; set; } = 1;
            public float Momentum;

            public void Step(IReadOnlyList<ParameterSlot> parameters, int step)
            {
                foreach (var slot in parameters)
                {
                    var values = slot.Values;
                    var gradient = slot.Gradient;
                    for (int i = 0; i < values.Length; i++) values[i] -= (float)lr * gradient[i];
                }
            }
        }

        """;
}
