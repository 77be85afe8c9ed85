using TopoDsl.Generators.Tests.Harness;
using TopoDsl.Training.Optimizers;
using Xunit.Abstractions;

namespace TopoDsl.Generators.Tests.Oracles;

/// <summary>
/// The shipped standard rules (TopoDsl.dll, generated at build time) against PyTorch 1.13's torch.optim, and Lion
/// against its published update: the same float32 start, the same 100 gradients, the parameters compared after
/// every step to 1e-6 of the tensor's largest entry (max |a - b| / max(|b|, 1e-30) per tensor). Hyperparameters
/// go to torch as the exact float32 values the C# optimizers hold.
/// </summary>
public class TorchOptimizerTests(ITestOutputHelper output)
{
    public const double Tolerance = 1e-6;
    public const int Steps = 100;

    private static readonly (string Name, int[] Shape)[] Shapes = [("w1", [6, 4]), ("b1", [6]), ("w2", [3, 6]), ("b2", [3])];

    /// <summary>Name, the TopoDsl rule with its hyperparameters, the reference with its options.</summary>
    private static readonly (string Name, Func<IOptimizer> Create, string Reference, Dictionary<string, object> Options)[] OracleCases =
    [
        ("SGD", () => new TopoDsl.Rules.Sgd { lr = 0.05f }, "SGD", new() { ["lr"] = W(0.05f) }),
        ("SGD weight decay", () => new TopoDsl.Rules.Sgd { lr = 0.05f, weight_decay = 0.01f }, "SGD",
            new() { ["lr"] = W(0.05f), ["weight_decay"] = W(0.01f) }),
        ("SGD momentum", () => new TopoDsl.Rules.SgdMomentum { lr = 0.05f, momentum = 0.9f, weight_decay = 0.01f }, "SGD",
            new() { ["lr"] = W(0.05f), ["momentum"] = W(0.9f), ["weight_decay"] = W(0.01f) }),
        ("SGD Nesterov", () => new TopoDsl.Rules.Nesterov { lr = 0.05f, momentum = 0.9f, weight_decay = 0.01f }, "SGD",
            new() { ["lr"] = W(0.05f), ["momentum"] = W(0.9f), ["weight_decay"] = W(0.01f), ["nesterov"] = true }),
        ("Adam", () => new TopoDsl.Rules.Adam { lr = 0.01f }, "Adam",
            new() { ["lr"] = W(0.01f), ["betas"] = new[] { W(0.9f), W(0.999f) }, ["eps"] = W(1e-8f) }),
        ("AdamW", () => new TopoDsl.Rules.AdamW { lr = 0.01f, weight_decay = 0.05f }, "AdamW",
            new() { ["lr"] = W(0.01f), ["betas"] = new[] { W(0.9f), W(0.999f) }, ["eps"] = W(1e-8f), ["weight_decay"] = W(0.05f) }),
        ("RMSprop", () => new TopoDsl.Rules.RmsProp { lr = 0.01f }, "RMSprop",
            new() { ["lr"] = W(0.01f), ["alpha"] = W(0.99f), ["eps"] = W(1e-8f) }),
        ("Adagrad", () => new TopoDsl.Rules.Adagrad { lr = 0.05f, lr_decay = 0.01f }, "Adagrad",
            new() { ["lr"] = W(0.05f), ["lr_decay"] = W(0.01f), ["eps"] = W(1e-10f) }),
        ("Lion", () => new TopoDsl.Rules.Lion { lr = 1e-3f, weight_decay = 0.1f }, "lion_reference",
            new() { ["lr"] = W(1e-3f), ["beta1"] = W(0.9f), ["beta2"] = W(0.99f), ["weight_decay"] = W(0.1f) }),
        ("Adam lr 0.5", () => new TopoDsl.Rules.Adam { lr = 0.5f }, "Adam",
            new() { ["lr"] = W(0.5f), ["betas"] = new[] { W(0.9f), W(0.999f) }, ["eps"] = W(1e-8f) }),
    ];

    private static double W(float value) => value;

    private static readonly Lazy<(string Version, Dictionary<string, double[][][]> Trajectories, Dictionary<string, OracleCase> Cases)> Oracle = new(() =>
    {
        var cases = OracleCases.Select((c, i) => NewCase(c.Name, c.Reference, c.Options, seed: 100 + i)).ToList();
        var (version, trajectories) = OptimizerOracle.Run(cases);
        return (version, cases.Select((c, i) => (c.Name, trajectories[i])).ToDictionary(x => x.Name, x => x.Item2),
            cases.ToDictionary(c => c.Name));
    });

    private static OracleCase NewCase(string name, string reference, Dictionary<string, object> options, int seed)
    {
        var random = new Random(seed);
        var parameters = Shapes.Select(s => (s.Shape, Slots.Normal(random, s.Shape.Aggregate(1, (a, b) => a * b), 0.5))).ToList();
        var gradients = Enumerable.Range(0, Steps).Select(_ => parameters.Select(p => Slots.Normal(random, p.Item2.Length)).ToArray()).ToList();
        return new OracleCase(name, reference, options, parameters, gradients);
    }

    [TorchFact]
    public void The_oracle_is_pytorch_1_13()
    {
        Assert.StartsWith("1.13", Oracle.Value.Version, StringComparison.Ordinal);
    }

    [TorchTheory]
    [MemberData(nameof(TorchCases))]
    public void Matches_torch_after_every_step(string name)
    {
        var optimizer = OracleCases.Single(x => x.Name == name).Create();

        var worst = Compare(name, optimizer, Tolerance);

        output.WriteLine($"{name}: worst relative difference per tensor over {Steps} steps: {worst}");
    }

    public static TheoryData<string> TorchCases => new(OracleCases.Select(c => c.Name).Where(name => name is not ("Lion" or "Adam lr 0.5")));

    /// <summary>The proposed Rules/Lion.cs text: the decay inside the step, as in the paper, rounds like the paper.</summary>
    public const string PublishedLion = """
        state m = 0
        c = beta1 * m + (1 - beta1) * g
        p -= lr * (sign(c) + weight_decay * p)
        m = beta2 * m + (1 - beta2) * g
        """;

    [TorchFact]
    public void Lion_written_as_published_matches_the_published_update()
    {
        using var assembly = GeneratedAssembly.Compile($$""""
            using TopoDsl;

            #pragma warning disable TDSL0301
            [UpdateRule("""
            {{Sources.Indent(PublishedLion.Replace("\r\n", "\n"))}}
                """)]
            #pragma warning restore TDSL0301
            public sealed partial class PublishedLion
            {
                public float lr = 1e-3f;
                public float beta1 = 0.9f;
                public float beta2 = 0.99f;
                public float weight_decay = 0.1f;
            }
            """");

        var worst = Compare("Lion", assembly.Create("PublishedLion"), Tolerance);

        output.WriteLine($"Lion as published: worst relative difference per tensor over {Steps} steps: {worst}");
    }

    /// <summary>
    /// Rules/Lion.cs writes the decay inside the step, p -= lr * (sign(c) + weight_decay * p), as the paper does: the
    /// form p * (1 - lr * weight_decay) rounds 1 - lr * wd to float32 once (-1.65e-8 relative) and that bias
    /// compounded to 4.8e-6 over 100 steps.
    /// </summary>
    [TorchFact]
    public void Shipped_lion_matches_the_published_update()
    {
        Compare("Lion", OracleCases.Single(x => x.Name == "Lion").Create(), Tolerance);
    }

    /// <summary>
    /// The emitted Step computes step scalars such as 1 - beta2^t in double, as torch does in Python: in float32,
    /// 1 - 0.999f^2 is 0.001998961 against 0.0019989743 (6.6e-6 relative), which at lr = 0.5 put p 1.5e-6 from
    /// torch after two steps.
    /// </summary>
    [TorchFact]
    public void Adam_with_a_large_learning_rate_matches_torch()
    {
        var worst = Compare("Adam lr 0.5", new TopoDsl.Rules.Adam { lr = 0.5f }, Tolerance);
        output.WriteLine($"Adam lr 0.5: {worst}");
    }

    /// <summary>Steps <paramref name="optimizer"/> through case <paramref name="name"/> and compares after every step; returns the worst differences.</summary>
    private static string Compare(string name, IOptimizer optimizer, double tolerance)
    {
        var (_, trajectories, cases) = Oracle.Value;
        var c = cases[name];
        var expected = trajectories[name];
        var slots = c.Parameters.Select((p, k) => GradientSlots.Create(Shapes[k].Name, p.Values, p.Shape)).ToArray();
        Assert.Equal(Steps, expected.Length);

        var worst = new double[slots.Length];
        for (int t = 1; t <= Steps; t++)
        {
            for (int k = 0; k < slots.Length; k++) GradientSlots.SetGradient(slots[k], c.Gradients[t - 1][k]);
            optimizer.Step(slots, t);
            for (int k = 0; k < slots.Length; k++)
                worst[k] = Math.Max(worst[k], Same.Relative(expected[t - 1][k], slots[k].Values, tolerance, $"{name}: {slots[k].Name} after step {t}"));
        }
        double moved = slots.Select((s, k) => MaxAbsDifference(c.Parameters[k].Values, s.Values.ToArray())).Max();
        Assert.True(moved > 0.05, $"{name}: the parameters barely moved ({moved}); the comparison would prove little");
        return string.Join(", ", slots.Select((s, k) => $"{s.Name} {worst[k]:E2}")) + $"; parameters moved up to {moved:F3}";
    }

    [TorchFact]
    public void A_wrong_hyperparameter_is_caught()
    {
        var (_, trajectories, cases) = Oracle.Value;
        var c = cases["Adam"];
        var optimizer = new TopoDsl.Rules.Adam { lr = 0.01f, beta2 = 0.99f };
        var slots = c.Parameters.Select((p, k) => GradientSlots.Create(Shapes[k].Name, p.Values, p.Shape)).ToArray();

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
        {
            for (int t = 1; t <= Steps; t++)
            {
                for (int k = 0; k < slots.Length; k++) GradientSlots.SetGradient(slots[k], c.Gradients[t - 1][k]);
                optimizer.Step(slots, t);
                for (int k = 0; k < slots.Length; k++) Same.Relative(trajectories["Adam"][t - 1][k], slots[k].Values, Tolerance, "Adam");
            }
        });
    }

    private static double MaxAbsDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs((double)x - y)).Max();
}
