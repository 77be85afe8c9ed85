using TopoDsl.Dsl.Tests.Support;
using TopoDsl.Training.Neurons;

namespace TopoDsl.Dsl.Tests;

/// <summary>
/// Emitted optimizers compiled with Roslyn and run against hand-written references of the same rules. Where
/// the reference performs the same float operations in the same order the results must be bit-identical
/// (this also shows that hoisting and the vector loop change nothing).
/// </summary>
public class EmitRunTests
{
    private static Dictionary<int, float[]> States() => [];

    [Fact]
    public void Adam_matches_its_reference_bit_for_bit_on_every_shape()
    {
        float lr = 1e-3f, beta1 = 0.9f, beta2 = (float)0.999, eps = 1e-8f;
        var m = new Dictionary<int, float[]>();
        var v = new Dictionary<int, float[]>();
        var (generated, expected) = Stepper.Run(OptimizerCompiler.Create(RuleLibrary.Adam), Stepper.MixedShapes, (k, spec, p, g, step) =>
        {
            var mk = m.TryGetValue(k, out var a) ? a : m[k] = new float[p.Length];
            var vk = v.TryGetValue(k, out var b) ? b : v[k] = new float[p.Length];
            // step scalars are computed in double and rounded once, as PyTorch computes them in Python
            float bc1 = (float)(1d - Math.Pow(beta1, step)), bc2 = (float)(1d - Math.Pow(beta2, step));
            for (int i = 0; i < p.Length; i++)
            {
                mk[i] = beta1 * mk[i] + (1f - beta1) * g[i];
                vk[i] = beta2 * vk[i] + (1f - beta2) * (g[i] * g[i]);
                p[i] = p[i] - lr * (mk[i] / bc1) / (MathF.Sqrt(vk[i] / bc2) + eps);
            }
        }, steps: 8);
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void Momentum_nesterov_rmsprop_adagrad_match_bit_for_bit()
    {
        var buf = new Dictionary<int, float[]>();
        float[] State(Dictionary<int, float[]> d, int k, int n) => d.TryGetValue(k, out var a) ? a : d[k] = new float[n];
        var (generated, expected) = Stepper.Run(OptimizerCompiler.Create(RuleLibrary.Nesterov), Stepper.MixedShapes, (k, _, p, g, _) =>
        {
            var b = State(buf, k, p.Length);
            for (int i = 0; i < p.Length; i++) { b[i] = 0.9f * b[i] + g[i]; p[i] = p[i] - 0.1f * (g[i] + 0.9f * b[i]); }
        });
        Stepper.AssertExactlyEqual(expected, generated);

        var sq = new Dictionary<int, float[]>();
        (generated, expected) = Stepper.Run(OptimizerCompiler.Create(RuleLibrary.RmsProp), Stepper.MixedShapes, (k, _, p, g, _) =>
        {
            var s = State(sq, k, p.Length);
            for (int i = 0; i < p.Length; i++) { s[i] = 0.99f * s[i] + (1f - 0.99f) * (g[i] * g[i]); p[i] = p[i] - 0.01f * g[i] / (MathF.Sqrt(s[i]) + 1e-8f); }
        });
        Stepper.AssertExactlyEqual(expected, generated);

        var acc = new Dictionary<int, float[]>();
        (generated, expected) = Stepper.Run(OptimizerCompiler.Create(RuleLibrary.Adagrad), Stepper.MixedShapes, (k, _, p, g, _) =>
        {
            var s = State(acc, k, p.Length);
            for (int i = 0; i < p.Length; i++) { s[i] = s[i] + g[i] * g[i]; p[i] = p[i] - 0.01f * g[i] / (MathF.Sqrt(s[i]) + 1e-10f); }
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void Lion_updates_its_state_after_the_parameter()
    {
        var state = new Dictionary<int, float[]>();
        var (generated, expected) = Stepper.Run(OptimizerCompiler.Create(RuleLibrary.Lion), Stepper.MixedShapes, (k, _, p, g, _) =>
        {
            var m = state.TryGetValue(k, out var a) ? a : state[k] = new float[p.Length];
            for (int i = 0; i < p.Length; i++)
            {
                float c = 0.9f * m[i] + (1f - 0.9f) * g[i];
                float sign = c > 0 ? 1f : c < 0 ? -1f : c;
                p[i] = p[i] - 1e-4f * (sign + 0.1f * p[i]);
                m[i] = 0.99f * m[i] + (1f - 0.99f) * g[i];
            }
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void Where_clamp_relu_and_a_full_mean_match_bit_for_bit()
    {
        var (generated, expected) = Stepper.Run(OptimizerCompiler.Create(RuleLibrary.ClippedSgd), Stepper.MixedShapes, (_, _, p, g, _) =>
        {
            double sum = 0;
            foreach (float x in p) sum += x;
            float mean = (float)(sum / p.Length);
            for (int i = 0; i < p.Length; i++)
            {
                float leaky = g[i] > 0 ? g[i] : 0.01f * g[i];
                p[i] = p[i] - (0.1f * Math.Clamp(leaky, -0.5f, 0.5f) + 0.1f * 0.01f * MathF.Max(p[i] - mean, 0f));
            }
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void Per_neuron_normalisation_reduces_over_each_neurons_coordinates()
    {
        // A 4-neuron hidden layer: W_in [4, 3] (neurons on rows), its bias [4], W_out [2, 4] (neurons on columns),
        // and a parameter outside any hidden layer, which is one group.
        ParameterSpec[] specs =
        [
            new("0.weight", [4, 3], new NeuronAxis(0, 4)),
            new("0.bias", [4], new NeuronAxis(0, 4)),
            new("2.weight", [2, 4], new NeuronAxis(1, 4)),
            new("head", [5]),
        ];
        var (generated, expected) = Stepper.Run(OptimizerCompiler.Create(RuleLibrary.NeuronNormalizedSgd), specs, (_, spec, p, g, _) =>
        {
            int rows = spec.Shape[0], cols = spec.Shape.Length > 1 ? spec.Shape[1] : 1;
            IEnumerable<int> Entries(int neuron) => spec.Neurons switch
            {
                { Axis: 0 } => Enumerable.Range(0, cols).Select(c => neuron * cols + c),
                { Axis: 1 } => Enumerable.Range(0, rows).Select(r => r * cols + neuron),
                _ => Enumerable.Range(0, p.Length),
            };
            int neurons = spec.Neurons?.NeuronCount ?? 1;
            var updated = (float[])p.Clone();
            for (int n = 0; n < neurons; n++)
            {
                double squares = 0;
                foreach (int i in Entries(n).Order()) squares += (double)g[i] * g[i];
                float norm = (float)Math.Sqrt(squares);
                foreach (int i in Entries(n)) updated[i] = p[i] - 0.1f * g[i] / (norm + 1e-8f);
            }
            updated.CopyTo(p, 0);
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void Whole_tensor_normalisation_uses_one_norm_per_parameter()
    {
        var (generated, expected) = Stepper.Run(OptimizerCompiler.Create(RuleLibrary.NormalizedSgd), Stepper.MixedShapes, (_, _, p, g, _) =>
        {
            double squares = 0;
            foreach (float x in g) squares += (double)x * x;
            float norm = (float)Math.Sqrt(squares);
            for (int i = 0; i < p.Length; i++) p[i] = p[i] - 0.1f * g[i] / norm;
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void Nested_reductions_and_a_reduction_read_two_statements_later()
    {
        var optimizer = OptimizerCompiler.Create("Nested", "n = norm(g)\nstate m = 0\nm = beta * m + g\np -= lr * sum(g / (n + eps)) * m / (n + eps)",
            Contexts.Float("lr", 0.1), Contexts.Float("beta", 0.9), Contexts.Float("eps", 1e-3));
        var state = new Dictionary<int, float[]>();
        var (generated, expected) = Stepper.Run(optimizer, Stepper.MixedShapes, (k, _, p, g, _) =>
        {
            var m = state.TryGetValue(k, out var a) ? a : state[k] = new float[p.Length];
            double squares = 0;
            foreach (float x in g) squares += (double)x * x;
            float n = (float)Math.Sqrt(squares);
            double total = 0;
            foreach (float x in g) total += x / (n + 1e-3f);
            float sum = (float)total;
            for (int i = 0; i < p.Length; i++)
            {
                m[i] = 0.9f * m[i] + g[i];
                p[i] = p[i] - 0.1f * sum * m[i] / (n + 1e-3f);
            }
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void Muon_like_products_match_a_reference_with_double_accumulation()
    {
        ParameterSpec[] specs = [new("w_in", [4, 3]), new("w_out", [2, 5]), new("square", [3, 3])];
        var state = new Dictionary<int, float[]>();
        var (generated, expected) = Stepper.Run(OptimizerCompiler.Create(RuleLibrary.Muon), specs, (k, spec, p, g, _) =>
        {
            int r = spec.Shape[0], c = spec.Shape[1];
            var m = state.TryGetValue(k, out var a) ? a : state[k] = new float[p.Length];
            for (int i = 0; i < p.Length; i++) m[i] = 0.95f * m[i] + g[i];
            var mmT = new float[r * r];
            for (int i = 0; i < r; i++)
                for (int j = 0; j < r; j++)
                {
                    double s = 0;
                    for (int q = 0; q < c; q++) s += (double)m[i * c + q] * m[j * c + q];
                    mmT[i * r + j] = (float)s;
                }
            var u = new float[r * c];
            for (int i = 0; i < r; i++)
                for (int j = 0; j < c; j++)
                {
                    double s = 0;
                    for (int q = 0; q < r; q++) s += (double)mmT[i * r + q] * m[q * c + j];
                    u[i * c + j] = (float)s;
                }
            double squares = 0;
            foreach (float x in u) squares += (double)x * x;
            float denominator = (float)Math.Sqrt(squares) + 1e-7f;
            for (int i = 0; i < p.Length; i++) p[i] = p[i] - 0.02f * u[i] / denominator;
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Fact]
    public void A_matrix_rule_on_a_vector_parameter_names_the_parameter_and_the_rule()
    {
        var optimizer = OptimizerCompiler.Create(RuleLibrary.Muon);
        var slot = GradientSlots.Create("0.bias", [1f, 2f, 3f], [3]);
        GradientSlots.SetGradient(slot, [0.1f, 0.2f, 0.3f]);
        var error = Assert.Throws<InvalidOperationException>(() => optimizer.Step([slot], 1));
        Assert.Contains("'0.bias'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Muon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Int_double_and_array_hyperparameters_are_read_once_per_step()
    {
        var optimizer = OptimizerCompiler.Create("Arrays", "k = sum(scales) / steps + weights[1]\np -= lr * k * g",
            Contexts.Float("lr", 0.5), new Hyperparameter("steps", HyperparameterType.Int, 10),
            new Hyperparameter("scales", HyperparameterType.FloatArray, null), new Hyperparameter("weights", HyperparameterType.DoubleArray, null));
        var (generated, expected) = Stepper.Run(optimizer, Stepper.MixedShapes, (_, _, p, g, _) =>
        {
            float k = 6f / 10f + 2f; // scales = {1, 2, 3}, weights = {1, 2, 3}
            for (int i = 0; i < p.Length; i++) p[i] = p[i] - 0.5f * k * g[i];
        });
        Stepper.AssertExactlyEqual(expected, generated);
        optimizer.GetType().GetField("lr")!.SetValue(optimizer, 0f);
        var slot = GradientSlots.Create("w", [1f, 2f], [2]);
        GradientSlots.SetGradient(slot, [1f, 1f]);
        optimizer.Step([slot], 1);
        Assert.Equal([1f, 2f], slot.Values.ToArray()); // hyperparameters are read at each Step
    }

    [Fact]
    public void Noise_is_seeded_deterministic_and_standard_normal()
    {
        var slotsA = new[] { GradientSlots.Create("w", new float[20000], [100, 200]) };
        var slotsB = new[] { GradientSlots.Create("w", new float[20000], [100, 200]) };
        var slotsC = new[] { GradientSlots.Create("w", new float[20000], [100, 200]) };
        foreach (var slot in slotsA.Concat(slotsB).Concat(slotsC)) GradientSlots.SetGradient(slot, new float[20000]);
        var a = OptimizerCompiler.Create(RuleLibrary.NoisySgd);
        var b = OptimizerCompiler.Create(RuleLibrary.NoisySgd);
        var c = OptimizerCompiler.Create(RuleLibrary.NoisySgd);
        c.GetType().GetProperty("Seed")!.SetValue(c, 7L);
        a.Step(slotsA, 1);
        b.Step(slotsB, 1);
        c.Step(slotsC, 1);
        Assert.Equal(slotsA[0].Values.ToArray(), slotsB[0].Values.ToArray());
        Assert.NotEqual(slotsA[0].Values.ToArray(), slotsC[0].Values.ToArray());
        var noise = slotsA[0].Values.ToArray().Select(x => x / 0.01).ToArray(); // p = 0 - (0 + sigma * z)
        double mean = noise.Average(), variance = noise.Select(x => (x - mean) * (x - mean)).Average();
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.95, 1.05);
    }

    [Fact]
    public void Steps_after_the_first_allocate_nothing()
    {
        foreach (var rule in new[] { RuleLibrary.Adam, RuleLibrary.NeuronNormalizedSgd, RuleLibrary.Muon, RuleLibrary.ClippedSgd })
        {
            var optimizer = OptimizerCompiler.Create(rule);
            var slots = new[] { GradientSlots.Create("w", Slots.Random(new Random(3), 24), [4, 6], new NeuronAxis(0, 4)) };
            GradientSlots.SetGradient(slots[0], Slots.Random(new Random(4), 24));
            for (int step = 1; step <= 3; step++) optimizer.Step(slots, step);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int step = 4; step <= 20; step++) optimizer.Step(slots, step);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    [Fact]
    public void Threads_split_a_large_parameter_into_ranges_with_bit_identical_results()
    {
        foreach (var rule in new[] { RuleLibrary.Adam, RuleLibrary.Lion })
        {
            float[] Run(int threads)
            {
                var optimizer = OptimizerCompiler.Create(rule);
                optimizer.GetType().GetProperty("Threads")!.SetValue(optimizer, threads);
                const int count = 200_003;   // past the parallel threshold, not a multiple of the chunk alignment
                var slot = GradientSlots.Create("w", Slots.Random(new Random(5), count), [count]);
                for (int step = 1; step <= 4; step++)
                {
                    GradientSlots.SetGradient(slot, Slots.Random(new Random(10 + step), count));
                    optimizer.Step([slot], step);
                }
                return slot.Values.ToArray();
            }

            var one = Run(1);
            Assert.Equal(one, Run(2));
            Assert.Equal(one, Run(3));
        }
        var reduced = OptimizerCompiler.Create(RuleLibrary.NeuronNormalizedSgd);
        Assert.Null(reduced.GetType().GetProperty("Threads"));   // a reduction needs the whole slot: no ranges
    }

    [Fact]
    public void Transposed_islands_round_trip_exactly()
    {
        var optimizer = OptimizerCompiler.Create("Islands", "x = transpose(g) + transpose(p)\ny = x * 3\np -= lr * transpose(y) + lr * norm(g @ transpose(g)) * 0",
            Contexts.Float("lr", 0.1));
        var (generated, expected) = Stepper.Run(optimizer, [new ParameterSpec("w", [3, 5]), new ParameterSpec("v", [4, 2])], (_, _, p, g, _) =>
        {
            for (int i = 0; i < p.Length; i++) p[i] = p[i] - (0.1f * ((g[i] + p[i]) * 3f) + 0.1f * 0f);
        });
        Stepper.AssertExactlyEqual(expected, generated);
    }

    [Theory]
    [InlineData("p -= lr * t * g")]
    [InlineData("state m = 1 - beta\nm = m * 0.5\np -= m")]
    [InlineData("state m = lr\nm = m + g\np = p - lr * where(g > mean(g, neuron), m, 0) / (max(g, neuron) - min(g, 0) + 1)")]
    [InlineData("u = g * 2\nv = transpose(u)\np -= lr * transpose(v * 3) + lr * sum(v @ u) * g")]
    [InlineData("p -= lr * exp(-g^2) * tanh(g) * sigmoid(p) + lr * floor(g) * round(p) * log(abs(g) + 1) * g^beta")]
    public void Assorted_rules_compile_and_step(string text)
    {
        var optimizer = OptimizerCompiler.Create("Assorted", text, Contexts.Float("lr", 0.1), Contexts.Float("beta", 0.5));
        var specs = new[] { new ParameterSpec("w", [4, 3], new NeuronAxis(0, 4)), new ParameterSpec("v", [2, 4], new NeuronAxis(1, 4)) };
        var (generated, start) = Stepper.Run(optimizer, specs, (_, _, _, _, _) => { }, steps: 3);
        Assert.All(generated.SelectMany(v => v), x => Assert.False(float.IsInfinity(x)));
        Assert.NotEqual(start.SelectMany(v => v), generated.SelectMany(v => v));
    }

    [Theory]
    [MemberData(nameof(RuleLibrary.Names), MemberType = typeof(RuleLibrary))]
    public void Every_library_rule_compiles_without_warnings_and_steps(string name)
    {
        var rule = RuleLibrary.Named(name);
        var optimizer = OptimizerCompiler.Create(rule);
        var specs = rule.Text.Contains('@', StringComparison.Ordinal) ? [new ParameterSpec("w", [3, 4])] : Stepper.MixedShapes;
        var (generated, start) = Stepper.Run(optimizer, specs, (_, _, _, _, _) => { }, steps: 2);
        Assert.All(generated.SelectMany(v => v), x => Assert.True(float.IsFinite(x)));
        Assert.NotEqual(start.SelectMany(v => v), generated.SelectMany(v => v)); // it moved
    }
}
