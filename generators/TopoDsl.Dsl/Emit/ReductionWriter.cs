using TopoDsl.Dsl.Binding;
using TopoDsl.Dsl.Planning;

namespace TopoDsl.Dsl.Emit;

/// <summary>
/// Accumulation code for reductions. Sums accumulate in double in entry order (closer to torch's pairwise
/// float sums than a float running sum); max stays in float. Per-neuron values live in a double array, one
/// entry per neuron, read back as float.
/// </summary>
internal static class ReductionWriter
{
    public static void Declare(CodeWriter writer, ReductionInfo reduction)
    {
        int id = reduction.Id;
        if (reduction.PerNeuron)
            writer.Line(reduction.Kind == ReductionKind.Max
                ? $"global::System.Array.Fill({Names.NeuronAccumulator(id)}, global::System.Double.NegativeInfinity);"
                : $"global::System.Array.Clear({Names.NeuronAccumulator(id)}, 0, {Names.NeuronAccumulator(id)}.Length);");
        else
            writer.Line(reduction.Kind == ReductionKind.Max
                ? $"float {Names.Accumulator(id)} = global::System.Single.NegativeInfinity;"
                : $"double {Names.Accumulator(id)} = 0;");
    }

    /// <summary>Adds <paramref name="operand"/> (already-rendered C# float) for the current entry.</summary>
    public static void Accumulate(CodeWriter writer, ReductionInfo reduction, string operand)
    {
        int id = reduction.Id;
        string e = Names.ReductionOperand(id);
        writer.Line($"float {e} = {operand};");
        string target = reduction.PerNeuron ? $"{Names.NeuronAccumulator(id)}[nrn]" : Names.Accumulator(id);
        writer.Line(reduction.Kind switch
        {
            ReductionKind.Norm => $"{target} += (double){e} * {e};",
            ReductionKind.Max when reduction.PerNeuron => $"{target} = global::System.Math.Max({target}, {e});",
            ReductionKind.Max => $"{target} = {Names.MathF}.Max({target}, {e});",
            _ => $"{target} += {e};",
        });
    }

    /// <summary>Turns accumulators into results; <paramref name="count"/> is the number of entries reduced.</summary>
    public static void Finish(CodeWriter writer, ReductionInfo reduction, string count)
    {
        int id = reduction.Id;
        if (reduction.PerNeuron)
        {
            string q = Names.NeuronAccumulator(id);
            if (reduction.Kind == ReductionKind.Mean)
                writer.Line($"for (int j = 0; j < groups; j++) {q}[j] /= (double)({count} / groups);");
            else if (reduction.Kind == ReductionKind.Norm)
                writer.Line($"for (int j = 0; j < groups; j++) {q}[j] = global::System.Math.Sqrt({q}[j]);");
            return;
        }
        string a = Names.Accumulator(id);
        writer.Line($"float {Names.Reduction(id)} = " + reduction.Kind switch
        {
            ReductionKind.Sum => $"(float){a};",
            ReductionKind.Mean => $"(float)({a} / {count});",
            ReductionKind.Norm => $"(float)global::System.Math.Sqrt({a});",
            _ => $"{a};",
        });
    }
}
