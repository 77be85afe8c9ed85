using TopoDsl.Generators.Tests.Harness;
using TopoDsl.Training.Neurons;
using TopoDsl.Training.Optimizers;

namespace TopoDsl.Generators.Tests;

/// <summary>
/// The generated optimizers compiled in memory, loaded, and stepped on TopoDsl.Training tensors against hand-written
/// C# references of the same rules.
/// </summary>
public class RunTests
{
    private const int Steps = 7;

    [Fact]
    public void Adam_compiled_in_memory_matches_a_hand_written_adam_and_the_shipped_one_bit_for_bit()
    {
        using var assembly = GeneratedAssembly.Compile(Sources.StandardRule("Adam"));
        var generated = assembly.Create("TopoDsl.Rules.Adam", ("lr", 0.05f));
        var shipped = new TopoDsl.Rules.Adam { lr = 0.05f };
        var random = new Random(11);
        var initial = Slots.Normal(random, 37);
        var a = GradientSlots.Create("w", initial, [37]);
        var b = GradientSlots.Create("w", initial, [37]);
        var p = (float[])initial.Clone();
        var m = new float[37];
        var v = new float[37];
        const float lr = 0.05f, beta1 = 0.9f, beta2 = 0.999f, eps = 1e-8f;

        for (int t = 1; t <= Steps; t++)
        {
            var g = Slots.Normal(random, 37);
            if (t == 3) g[5] = 0f;
            GradientSlots.SetGradient(a, g);
            GradientSlots.SetGradient(b, g);
            generated.Step([a], t);
            shipped.Step([b], t);
            // the step's scalars are computed in double and rounded once (as torch computes them in Python)
            float stepSize = (float)(lr / (1 - Math.Pow(beta1, t)));
            float correction = (float)Math.Sqrt(1 - Math.Pow(beta2, t));
            for (int i = 0; i < p.Length; i++)
            {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * (g[i] * g[i]);
                p[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / correction + eps);
            }
            Same.Bits(p, a.Values, $"generated Adam, step {t}");
            Same.Bits(m, a.State(0), $"generated Adam m, step {t}");
            Same.Bits(v, a.State(1), $"generated Adam v, step {t}");
            Same.Bits(a.Values, b.Values, $"shipped Adam, step {t}");
        }
    }

    [Fact]
    public void Hyperparameters_come_from_fields_properties_base_classes_doubles_and_ints()
    {
        using var assembly = GeneratedAssembly.Compile(""""
            using TopoDsl;

            namespace Demo;

            public abstract class DecayBase
            {
                public float wd = 0.01f;
            }

            [UpdateRule("""
                state m = 0
                m = mu * m + g
                p -= lr * min(t / warmup, 1) * (m + wd * p)
                """)]
            public sealed partial class Warm : DecayBase
            {
                public double lr { get; set; } = 0.1;
                public int warmup = 3;
                public float mu = 0.9f;
            }
            """");
        var optimizer = assembly.Create("Demo.Warm", ("lr", 0.2), ("warmup", 4), ("wd", 0.05f));
        var random = new Random(5);
        var initial = Slots.Normal(random, 12);
        var slot = GradientSlots.Create("w", initial, [3, 4]);
        var p = (float[])initial.Clone();
        var m = new float[12];

        for (int t = 1; t <= Steps; t++)
        {
            var g = Slots.Normal(random, 12);
            GradientSlots.SetGradient(slot, g);
            optimizer.Step([slot], t);
            float scale = MathF.Min(t / 4f, 1f);
            for (int i = 0; i < p.Length; i++)
            {
                m[i] = 0.9f * m[i] + g[i];
                p[i] -= (float)0.2 * scale * (m[i] + 0.05f * p[i]);
            }
            Same.Bits(p, slot.Values, $"step {t}");
            Same.Bits(m, slot.State(0), $"m, step {t}");
        }
    }

    [Fact]
    public void A_muon_like_rule_multiplies_matrices_and_rejects_vectors()
    {
        using var assembly = GeneratedAssembly.Compile(Source("Muon", "p -= lr * g @ transpose(g) @ g", "public float lr = 0.02f;"));
        var optimizer = assembly.Create("Demo.Muon");
        var random = new Random(3);
        int rows = 4, cols = 6;
        var initial = Slots.Normal(random, rows * cols);
        var slot = GradientSlots.Create("w", initial, [rows, cols]);
        var p = initial.Select(x => (double)x).ToArray();

        for (int t = 1; t <= Steps; t++)
        {
            var g = Slots.Normal(random, rows * cols);
            GradientSlots.SetGradient(slot, g);
            optimizer.Step([slot], t);
            var gram = new double[rows, rows];
            for (int r = 0; r < rows; r++)
                for (int s = 0; s < rows; s++)
                    for (int q = 0; q < cols; q++) gram[r, s] += (double)g[r * cols + q] * g[s * cols + q];
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < cols; j++)
                {
                    double update = 0;
                    for (int s = 0; s < rows; s++) update += gram[r, s] * g[s * cols + j];
                    p[r * cols + j] -= 0.02 * update;
                }
            Same.Relative(p, slot.Values, 1e-6, $"step {t}");
        }

        var vector = GradientSlots.Create("bias", [1f, 2f], [2]);
        GradientSlots.SetGradient(vector, [0.5f, 0.25f]);
        var error = Assert.Throws<InvalidOperationException>(() => optimizer.Step([vector], 1));
        Assert.Contains("needs 2-D parameters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Noisy_sgd_draws_splitmix64_box_muller_noise_in_entry_order_and_its_seed_restarts_it()
    {
        using var assembly = GeneratedAssembly.Compile(Source("Noisy", "p -= lr * g + sigma * randn()", "public float lr = 0.1f;\n    public float sigma = 0.5f;"));
        var optimizer = assembly.Create("Demo.Noisy", ("Seed", 42L));
        var random = new Random(8);
        var w = GradientSlots.Create("w", Slots.Normal(random, 15), [3, 5]);
        var b = GradientSlots.Create("b", Slots.Normal(random, 3), [3]);
        var pw = w.Values.ToArray();
        var pb = b.Values.ToArray();
        var noise = new SplitMix64Gaussian(42);

        for (int t = 1; t <= Steps; t++)
        {
            var gw = Slots.Normal(random, 15);
            var gb = Slots.Normal(random, 3);
            GradientSlots.SetGradient(w, gw);
            GradientSlots.SetGradient(b, gb);
            optimizer.Step([w, b], t);
            for (int i = 0; i < pw.Length; i++) pw[i] -= 0.1f * gw[i] + 0.5f * noise.Next();
            for (int i = 0; i < pb.Length; i++) pb[i] -= 0.1f * gb[i] + 0.5f * noise.Next();
            Same.Bits(pw, w.Values, $"w, step {t}");
            Same.Bits(pb, b.Values, $"b, step {t}");
        }

        // Setting the seed restarts the sequence: a zero gradient leaves only the noise, the same noise as at step 1.
        var restarted = new SplitMix64Gaussian(42);
        GeneratedAssembly.Set(optimizer, "Seed", 42L);
        var before = w.Values.ToArray();
        GradientSlots.SetGradient(w, new float[15]);
        optimizer.Step([w], 8);
        for (int i = 0; i < before.Length; i++) before[i] -= 0f * 0.1f + 0.5f * restarted.Next();
        Same.Bits(before, w.Values, "after Seed = 42");
    }

    [Fact]
    public void A_per_neuron_rule_reduces_along_each_slots_neuron_axis()
    {
        using var assembly = GeneratedAssembly.Compile(Source("PerNeuron", """
            centered = g - mean(g, neuron)
            p -= lr * centered / (max(abs(centered), neuron) + eps)
            """, "public float lr = 0.1f;\n    public float eps = 1e-3f;"));
        var optimizer = assembly.Create("Demo.PerNeuron");
        var random = new Random(21);
        int hidden = 5;
        // input weights [5, 3] (neurons on axis 0), output weights [2, 5] (axis 1), an output bias [2] (no neurons: one group)
        var shapes = new[] { new[] { hidden, 3 }, new[] { 2, hidden }, new[] { 2 } };
        var axes = new NeuronAxis?[] { new NeuronAxis(0, hidden), new NeuronAxis(1, hidden), null };
        var slots = shapes.Select((s, k) => GradientSlots.Create($"p{k}", Slots.Normal(random, s[0] * (s.Length > 1 ? s[1] : 1)), s, axes[k])).ToArray();
        var expected = slots.Select(s => s.Values.ToArray().Select(x => (double)x).ToArray()).ToArray();

        for (int t = 1; t <= Steps; t++)
        {
            var gradients = slots.Select(s => Slots.Normal(random, s.Count)).ToArray();
            for (int k = 0; k < slots.Length; k++) GradientSlots.SetGradient(slots[k], gradients[k]);
            optimizer.Step(slots, t);
            for (int k = 0; k < slots.Length; k++)
            {
                int groups = axes[k]?.NeuronCount ?? 1;
                int Neuron(int i) => axes[k] switch { { Axis: 0 } => i / shapes[k][1], { Axis: 1 } => i % shapes[k][1], _ => 0 };
                var g = gradients[k];
                var mean = new double[groups];
                var size = new double[groups];
                for (int i = 0; i < g.Length; i++) { mean[Neuron(i)] += g[i]; size[Neuron(i)]++; }
                for (int n = 0; n < groups; n++) mean[n] /= size[n];
                var largest = new double[groups];
                for (int i = 0; i < g.Length; i++) largest[Neuron(i)] = Math.Max(largest[Neuron(i)], Math.Abs(g[i] - mean[Neuron(i)]));
                for (int i = 0; i < g.Length; i++) expected[k][i] -= 0.1 * (g[i] - mean[Neuron(i)]) / (largest[Neuron(i)] + 1e-3);
                Same.Relative(expected[k], slots[k].Values, 1e-6, $"{slots[k].Name}, step {t}");
            }
        }
    }

    [Fact]
    public void An_optimizer_nested_in_generic_and_record_types_runs()
    {
        using var assembly = GeneratedAssembly.Compile(""""
            using TopoDsl;

            namespace Demo.Deep
            {
                public static partial class Outer<T>
                {
                    public partial record Middle
                    {
                        [UpdateRule("""
                            p -= lr * g
                            """)]
                        public sealed partial class Opt
                        {
                            public float lr = 0.25f;
                        }
                    }
                }
            }
            """");
        var type = assembly.Type("Demo.Deep.Outer`1+Middle+Opt").MakeGenericType(typeof(int));
        var optimizer = Assert.IsAssignableFrom<IOptimizer>(Activator.CreateInstance(type));
        var slot = GradientSlots.Create("w", [1f, -2f], [2]);
        GradientSlots.SetGradient(slot, [4f, 8f]);

        optimizer.Step([slot], 1);

        Same.Bits([0f, -4f], slot.Values, "w");
    }

    [Fact]
    public void Keyword_identifiers_keep_their_verbatim_prefix()
    {
        using var assembly = GeneratedAssembly.Compile(""""
            using TopoDsl;

            namespace Demo.@class
            {
                public partial class @struct
                {
                    [UpdateRule("""
                        p -= lr * g
                        """)]
                    public sealed partial class @event
                    {
                        public float lr = 0.5f;
                    }
                }
            }
            """");
        var optimizer = assembly.Create("Demo.class.struct+event");
        var slot = GradientSlots.Create("w", [1f, 2f], [2]);
        GradientSlots.SetGradient(slot, [2f, -2f]);

        optimizer.Step([slot], 1);

        Same.Bits([0f, 3f], slot.Values, "w");
    }

    [Fact]
    public void Splitting_large_parameters_across_threads_changes_no_bit()
    {
        var random = new Random(17);
        int[] sizes = [150_001, 70_000, 10];
        var initial = sizes.Select(n => Slots.Normal(random, n)).ToArray();
        var one = initial.Select((v, k) => GradientSlots.Create($"p{k}", v, [v.Length])).ToArray();
        var two = initial.Select((v, k) => GradientSlots.Create($"p{k}", v, [v.Length])).ToArray();
        var single = new TopoDsl.Rules.Adam { lr = 0.01f, Threads = 1 };
        var parallel = new TopoDsl.Rules.Adam { lr = 0.01f, Threads = 2 };

        for (int t = 1; t <= 3; t++)
        {
            for (int k = 0; k < sizes.Length; k++)
            {
                var g = Slots.Normal(random, sizes[k]);
                GradientSlots.SetGradient(one[k], g);
                GradientSlots.SetGradient(two[k], g);
            }
            single.Step(one, t);
            parallel.Step(two, t);
            for (int k = 0; k < sizes.Length; k++)
            {
                Same.Bits(one[k].Values, two[k].Values, $"p{k}, step {t}");
                Same.Bits(one[k].State(0), two[k].State(0), $"m of p{k}, step {t}");
                Same.Bits(one[k].State(1), two[k].State(1), $"v of p{k}, step {t}");
            }
        }
    }

    private static string Source(string name, string rule, string members) => $$""""
        using TopoDsl;

        namespace Demo;

        #pragma warning disable TDSL0250
        [UpdateRule("""
        {{Sources.Indent(rule.Replace("\r\n", "\n"))}}
            """)]
        #pragma warning restore TDSL0250
        public sealed partial class {{name}}
        {
            {{members}}
        }
        """";

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014) and the cosine half of Box-Muller, written from their definitions.</summary>
    private sealed class SplitMix64Gaussian(ulong seed)
    {
        private ulong _state = seed;

        private ulong NextBits()
        {
            unchecked
            {
                _state += 0x9E3779B97F4A7C15UL;
                ulong z = _state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        /// <summary>u1 in (0, 1], u2 in [0, 1), both with 53 random bits.</summary>
        public float Next()
        {
            double u1 = ((NextBits() >> 11) + 1) / 9007199254740992.0;
            double u2 = (NextBits() >> 11) / 9007199254740992.0;
            return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
        }
    }
}
